namespace Cpor.Domain;

/// <summary>
/// The stable codes of the reasons an official association is not eligible for incentive payment
/// (CPOR.md §10). Shown to partners with a localized sentence; renaming one breaks integrations.
/// </summary>
public static class EligibilityReasonCodes
{
    /// <summary>Revenue association: attribution only, it counts for no program and earns no payment.</summary>
    public const string NoIncentiveProgram = "no_incentive_program";

    /// <summary>The claim's MPN ID is no longer a location of the partner's organisation.</summary>
    public const string MpnNotInOrg = "mpn_not_in_org";

    /// <summary>The claim's MPN ID is no longer enrolled in the activity's program.</summary>
    public const string MpnNotEnrolled = "mpn_not_enrolled";

    /// <summary>The subscription is no longer in the customer directory.</summary>
    public const string SubscriptionNotFound = "subscription_not_found";

    /// <summary>The subscription was bought through CSP, which Business Applications incentives exclude.</summary>
    public const string SubscriptionIsCsp = "subscription_is_csp";

    /// <summary>The customer has not provisioned the subscription.</summary>
    public const string SubscriptionNotProvisioned = "subscription_not_provisioned";

    /// <summary>The subscription is neither active nor in grace.</summary>
    public const string SubscriptionNotActive = "subscription_not_active";

    /// <summary>The subscription's end date has passed.</summary>
    public const string SubscriptionExpired = "subscription_expired";

    /// <summary>The Microsoft 365 workload is no longer enabled on the tenant.</summary>
    public const string WorkloadNotEnabled = "workload_not_enabled";

    /// <summary>The association never became official (it was superseded during its consent window): never eligible.</summary>
    public const string NeverActive = "never_active";

    public static readonly IReadOnlyList<string> All =
    [
        NeverActive, NoIncentiveProgram, MpnNotInOrg, MpnNotEnrolled, SubscriptionNotFound, SubscriptionIsCsp,
        SubscriptionNotProvisioned, SubscriptionNotActive, SubscriptionExpired, WorkloadNotEnabled,
    ];
}

/// <summary>One reason an association is not eligible: a stable code and the values its sentence names.</summary>
public sealed record EligibilityReason(string Code, IReadOnlyList<string> Args);

/// <summary>
/// What the eligibility rules need to know about the world when the association becomes official.
/// </summary>
/// <param name="MpnPrograms">The programs the claim's MPN ID is enrolled in; null when the MPN ID is no longer the organisation's.</param>
/// <param name="Subscription">The association's subscription as the directory knows it; null for a workload or an unknown subscription.</param>
/// <param name="SubscriptionEndsAt">When the subscription ends, if the directory says.</param>
/// <param name="WorkloadEnabled">For a workload: whether it is still enabled on the tenant.</param>
/// <param name="Now">The moment of the evaluation.</param>
public sealed record EligibilityFacts(
    IReadOnlyCollection<string>? MpnPrograms,
    SubscriptionInfo? Subscription,
    DateTimeOffset? SubscriptionEndsAt,
    bool WorkloadEnabled,
    DateTimeOffset Now);

/// <summary>The verdict: eligible for incentive payment, or not and why.</summary>
public sealed record EligibilityResult(bool Eligible, string? ProgramId, IReadOnlyList<EligibilityReason> Reasons);

/// <summary>
/// CPOR.md §10: approval of the association is not approval for payment. When a claim becomes
/// Active, each association is checked against its program's rules — again when the facts they
/// depend on change and when it ends; every rule that fails adds a reason, so the partner sees all
/// of them at once. An association that never became Active is never eligible.
/// </summary>
public static class EligibilityRules
{
    public static EligibilityResult Evaluate(Association association, EligibilityFacts facts)
    {
        var reasons = new List<EligibilityReason>();
        if (!association.WasActive)
        {
            reasons.Add(Reason(EligibilityReasonCodes.NeverActive, association.UnitLabel));
        }

        var program = association.ProgramId;
        if (program is null)
        {
            reasons.Add(Reason(EligibilityReasonCodes.NoIncentiveProgram));
        }

        if (facts.MpnPrograms is null)
        {
            reasons.Add(Reason(EligibilityReasonCodes.MpnNotInOrg, association.MpnId));
        }
        else if (program is not null && !facts.MpnPrograms.Contains(program))
        {
            reasons.Add(Reason(EligibilityReasonCodes.MpnNotEnrolled, association.MpnId, program));
        }

        switch (association.UnitKind)
        {
            case UnitKind.Subscription:
                reasons.AddRange(SubscriptionReasons(association, facts));
                break;
            case UnitKind.Workload:
                if (!facts.WorkloadEnabled)
                {
                    reasons.Add(Reason(EligibilityReasonCodes.WorkloadNotEnabled, association.ProductId));
                }

                break;
        }

        return new EligibilityResult(reasons.Count == 0, program, reasons);
    }

    private static IEnumerable<EligibilityReason> SubscriptionReasons(Association association, EligibilityFacts facts)
    {
        if (facts.Subscription is not { } subscription)
        {
            yield return Reason(EligibilityReasonCodes.SubscriptionNotFound, association.SubscriptionId?.ToString("D") ?? "");
            yield break;
        }

        if (subscription.Channel == SubscriptionChannel.CSP)
        {
            yield return Reason(EligibilityReasonCodes.SubscriptionIsCsp, subscription.Id.ToString("D"));
        }

        if (!subscription.Provisioned)
        {
            yield return Reason(EligibilityReasonCodes.SubscriptionNotProvisioned, subscription.Id.ToString("D"));
        }

        if (subscription.State is not (SubscriptionState.Active or SubscriptionState.Grace))
        {
            yield return Reason(EligibilityReasonCodes.SubscriptionNotActive, subscription.State.ToString());
        }

        if (facts.SubscriptionEndsAt is { } endsAt && endsAt <= facts.Now)
        {
            // Round-trip format: the reader formats the date in the partner's culture.
            yield return Reason(EligibilityReasonCodes.SubscriptionExpired, endsAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static EligibilityReason Reason(string code, params string[] args) => new(code, args);
}
