namespace Cpor.Domain;

/// <summary>
/// The table of CPOR.md §3: which activity belongs to which solution area, which program it
/// counts for, and what its exclusivity unit is.
/// </summary>
public static class ActivityRules
{
    /// <summary>True when the activity may be claimed under the solution area.</summary>
    public static bool IsOffered(SolutionArea area, Activity activity) => (area, activity) switch
    {
        (SolutionArea.BusinessApplications, Activity.PreSales) => true,
        (SolutionArea.BusinessApplications, Activity.Usage) => true,
        (SolutionArea.BusinessApplications, Activity.RevenueAssociation) => true,
        (SolutionArea.Microsoft365, Activity.Usage) => true,
        (SolutionArea.Microsoft365, Activity.PreSales) => false,
        (SolutionArea.Microsoft365, Activity.RevenueAssociation) => false,
    };

    /// <summary>The program the activity counts for; null for revenue attribution (no payment).</summary>
    public static string? ProgramFor(SolutionArea area, Activity activity) => (area, activity) switch
    {
        (SolutionArea.BusinessApplications, Activity.PreSales) => ProgramIds.OsaSell,
        (SolutionArea.BusinessApplications, Activity.Usage) => ProgramIds.OsuBusinessApplications,
        (SolutionArea.BusinessApplications, Activity.RevenueAssociation) => null,
        (SolutionArea.Microsoft365, Activity.Usage) => ProgramIds.OsuMicrosoft365,
        (SolutionArea.Microsoft365, Activity.PreSales) => null,
        (SolutionArea.Microsoft365, Activity.RevenueAssociation) => null,
    };

    /// <summary>Microsoft 365 claims are exclusive per workload, Business Applications per subscription.</summary>
    public static UnitKind UnitFor(SolutionArea area) => area switch
    {
        SolutionArea.Microsoft365 => UnitKind.Workload,
        SolutionArea.BusinessApplications => UnitKind.Subscription,
    };

    /// <summary>
    /// The key two claims compete on. It includes the activity: an OSA Sell association and an OSU
    /// association on the same subscription reward different work and may be held by different
    /// partners (docs/decisions/0003-exclusivity-unit.md).
    /// </summary>
    public static string UnitKey(Activity activity, Guid tenantId, string productId, Guid? subscriptionId) =>
        subscriptionId is { } sub
            ? $"{activity}:s:{sub:D}"
            : $"{activity}:w:{tenantId:D}:{productId}";
}
