namespace Cpor.Domain;

/// <summary>Where an association stands.</summary>
public enum AssociationState
{
    /// <summary>Claim approved; the customer may still opt out.</summary>
    Approved,

    /// <summary>Official: the partner is the Claiming Partner of Record and sees the unit's data.</summary>
    Active,

    /// <summary>Was official, then ended (see <see cref="EndReason"/>).</summary>
    Ended,

    /// <summary>Never became official: the customer opted out or the partner withdrew during the consent window.</summary>
    Cancelled,
}
