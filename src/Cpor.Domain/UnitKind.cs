namespace Cpor.Domain;

/// <summary>What a single association is exclusive over.</summary>
public enum UnitKind
{
    /// <summary>A Microsoft 365 workload on one tenant.</summary>
    Workload,

    /// <summary>One Business Applications subscription.</summary>
    Subscription,
}
