namespace Cpor.Domain.Tests;

public class EligibilityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] AllPrograms = [.. ProgramIds.All];

    [Fact]
    public void Evaluate_M365UsageEnrolledAndWorkloadEnabled_IsEligibleWithoutReasons()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.M365Input()), Facts(workloadEnabled: true));

        Assert.True(result.Eligible);
        Assert.Equal(ProgramIds.OsuMicrosoft365, result.ProgramId);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Evaluate_RevenueAssociation_IsNotEligible_NoIncentiveProgram()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(Officials.Revenue()), Facts(Sales()));

        Assert.False(result.Eligible);
        Assert.Null(result.ProgramId);
        Assert.Equal([EligibilityReasonCodes.NoIncentiveProgram], Codes(result));
    }

    [Fact]
    public void Evaluate_PreSalesOnAnActiveSubscription_IsEligibleForOsaSell()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(Officials.PreSales()), Facts(Sales()));

        Assert.True(result.Eligible);
        Assert.Equal(ProgramIds.OsaSell, result.ProgramId);
    }

    [Fact]
    public void Evaluate_MpnNoLongerEnrolledInTheProgram_ReportsMpnNotEnrolledWithMpnAndProgram()
    {
        var facts = Facts(Sales()) with { MpnPrograms = [ProgramIds.OsuMicrosoft365] };

        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), facts);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(EligibilityReasonCodes.MpnNotEnrolled, reason.Code);
        Assert.Equal(["1000001", ProgramIds.OsuBusinessApplications], reason.Args);
    }

    [Fact]
    public void Evaluate_MpnNoLongerInTheOrganisation_ReportsMpnNotInOrg()
    {
        var facts = Facts(workloadEnabled: true) with { MpnPrograms = null };

        var result = EligibilityRules.Evaluate(Officials.Active(TestData.M365Input()), facts);

        Assert.Equal([EligibilityReasonCodes.MpnNotInOrg], Codes(result));
    }

    [Fact]
    public void Evaluate_SubscriptionNowBoughtThroughCsp_ReportsSubscriptionIsCsp()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), Facts(Sales() with { Channel = SubscriptionChannel.CSP }));

        Assert.Equal([EligibilityReasonCodes.SubscriptionIsCsp], Codes(result));
    }

    [Theory]
    [InlineData(SubscriptionState.Active, true)]
    [InlineData(SubscriptionState.Grace, true)]
    [InlineData(SubscriptionState.Disabled, false)]
    [InlineData(SubscriptionState.Deleted, false)]
    public void Evaluate_SubscriptionState_OnlyActiveOrGraceIsEligible(SubscriptionState state, bool eligible)
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), Facts(Sales() with { State = state }));

        Assert.Equal(eligible, result.Eligible);
        Assert.Equal(eligible ? [] : [EligibilityReasonCodes.SubscriptionNotActive], Codes(result));
    }

    [Fact]
    public void Evaluate_SubscriptionNotProvisioned_ReportsIt()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), Facts(Sales() with { Provisioned = false }));

        Assert.Equal([EligibilityReasonCodes.SubscriptionNotProvisioned], Codes(result));
    }

    [Fact]
    public void Evaluate_SubscriptionEndedBeforeTheEvaluation_ReportsExpiredWithTheDate()
    {
        var ended = Now.AddDays(-1);

        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), Facts(Sales()) with { SubscriptionEndsAt = ended });

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(EligibilityReasonCodes.SubscriptionExpired, reason.Code);
        Assert.Equal(ended, DateTimeOffset.Parse(reason.Args[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Evaluate_SubscriptionEndingLater_IsEligible()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), Facts(Sales()) with { SubscriptionEndsAt = Now.AddDays(30) });

        Assert.True(result.Eligible);
    }

    [Fact]
    public void Evaluate_SubscriptionMissingFromTheDirectory_ReportsSubscriptionNotFound()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.SalesInput()), Facts(subscription: null));

        Assert.Equal([EligibilityReasonCodes.SubscriptionNotFound], Codes(result));
    }

    [Fact]
    public void Evaluate_WorkloadNoLongerEnabled_ReportsWorkloadNotEnabled()
    {
        var result = EligibilityRules.Evaluate(Officials.Active(TestData.M365Input()), Facts(workloadEnabled: false));

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(EligibilityReasonCodes.WorkloadNotEnabled, reason.Code);
        Assert.Equal(["teams"], reason.Args);
    }

    [Fact]
    public void Evaluate_SeveralRulesFail_ReportsEveryReason()
    {
        var facts = Facts(Sales() with { Channel = SubscriptionChannel.CSP, State = SubscriptionState.Disabled }) with { MpnPrograms = [] };

        var result = EligibilityRules.Evaluate(Officials.Active(Officials.Revenue()), facts);

        Assert.Equal(
            [EligibilityReasonCodes.NoIncentiveProgram, EligibilityReasonCodes.SubscriptionIsCsp, EligibilityReasonCodes.SubscriptionNotActive],
            Codes(result));
    }

    private static SubscriptionInfo Sales() => TestData.Directory().Subscriptions[TestData.SalesSubscription];

    private static EligibilityFacts Facts(SubscriptionInfo? subscription = null, bool workloadEnabled = true) =>
        new(AllPrograms, subscription, null, workloadEnabled, Now);

    private static string[] Codes(EligibilityResult result) => [.. result.Reasons.Select(r => r.Code)];
}
