namespace Cpor.Domain;

/// <summary>Why an Active association ended.</summary>
public enum EndReason
{
    /// <summary>The subscription ended or was deleted.</summary>
    SubscriptionEnded,

    /// <summary>The customer ended the association.</summary>
    CustomerEnded,

    /// <summary>Arbitration gave the unit to another partner.</summary>
    Superseded,

    /// <summary>The partner ended the association.</summary>
    PartnerEnded,
}
