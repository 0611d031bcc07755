namespace Cpor.Domain;

/// <summary>Where an association stands.</summary>
public enum AssociationState
{
    /// <summary>Claim approved; the customer may still opt out.</summary>
    Approved,

    /// <summary>Official: the partner is the Claiming Partner of Record and sees the unit's data.</summary>
    Active,

    /// <summary>
    /// Ended (see <see cref="EndReason"/>): it was official, or — superseded during its consent
    /// window — held the unit without ever being official (<see cref="Association.WasActive"/>).
    /// </summary>
    Ended,

    /// <summary>Never became official: the customer opted out or the partner withdrew during the consent window.</summary>
    Cancelled,
}
