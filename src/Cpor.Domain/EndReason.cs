namespace Cpor.Domain;

/// <summary>Why an Active association ended.</summary>
public enum EndReason
{
    /// <summary>The subscription ended, or the directory says it is disabled or deleted.</summary>
    SubscriptionEnded,

    /// <summary>The customer ended the association.</summary>
    CustomerEnded,

    /// <summary>Arbitration gave the unit to another partner.</summary>
    Superseded,

    /// <summary>The partner ended the association.</summary>
    PartnerEnded,

    /// <summary>The directory no longer lists the Microsoft 365 workload as enabled on the tenant.</summary>
    WorkloadRemoved,
}
