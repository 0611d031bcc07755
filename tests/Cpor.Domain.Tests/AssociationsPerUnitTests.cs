namespace Cpor.Domain.Tests;

/// <summary>CPOR.md §6 revised, decision 0010: associations live and end per unit; a handover completes only when the challenger's becomes Active.</summary>
public class AssociationsPerUnitTests
{
    private static readonly DateTimeOffset Start = TestData.Monday;
    private static readonly DateTimeOffset Official = Start.AddDays(7);

    [Fact]
    public void Supersede_OfOneUnit_EndsOnlyThatUnit_AndTheClaimStaysActiveWithTheOther()
    {
        var claim = ActiveTeamsAndIntune();
        Assert.Null(claim.MarkSuperseded("clm_challenger", [Unit("teams")], Ctx(Start.AddDays(10))));

        Assert.Null(claim.Supersede("clm_challenger", Ctx(Start.AddDays(17))));

        Assert.Equal(ClaimStatus.Active, claim.Status);
        Assert.Equal((AssociationState.Ended, EndReason.Superseded), (Of(claim, "teams").State, Of(claim, "teams").EndReason));
        Assert.Equal(AssociationState.Active, Of(claim, "intune").State);
        var ended = claim.NewEvents[^1];
        Assert.Equal((ClaimEventKind.AssociationEnded, nameof(EndReason.Superseded)), (ended.Kind, ended.Reason));
        Assert.Equal(new FieldChange("associations", "teams, intune", "intune"), Assert.Single(ended.Changes));
    }

    [Fact]
    public void Supersede_FreesTheLostUnitForTheSameOrganisation_AndKeepsTheOtherClaimed()
    {
        var claim = ActiveTeamsAndIntune();
        claim.MarkSuperseded("clm_challenger", [Unit("teams")], Ctx(Start.AddDays(10)));

        claim.Supersede("clm_challenger", Ctx(Start.AddDays(17)));

        Assert.False(claim.Products.Single(p => p.ProductId == "teams").IsOpen);
        Assert.True(claim.Products.Single(p => p.ProductId == "intune").IsOpen);
    }

    [Fact]
    public void MarkSuperseded_KeepsTheUnitHeldUntilTheHandover()
    {
        var claim = ActiveTeamsAndIntune();

        Assert.Null(claim.MarkSuperseded("clm_challenger", [Unit("teams")], Ctx(Start.AddDays(10))));

        Assert.Equal((AssociationState.Active, true), (Of(claim, "teams").State, Of(claim, "teams").HandoverPending));
        Assert.False(Of(claim, "intune").HandoverPending);
        Assert.Equal(ClaimEventKind.HandoverPending, claim.NewEvents[^1].Kind);
    }

    [Fact]
    public void MarkSuperseded_WhenTheUnitIsPromisedToAnotherClaim_ReturnsHandoverPending()
    {
        var claim = ActiveTeamsAndIntune();
        claim.MarkSuperseded("clm_first", [Unit("teams")], Ctx(Start.AddDays(10)));

        var error = claim.MarkSuperseded("clm_second", [Unit("teams")], Ctx(Start.AddDays(11)));

        Assert.Equal(ErrorCodes.HandoverPending, error?.Code);
        Assert.Equal("clm_first", Of(claim, "teams").SupersededByClaimId);
    }

    [Fact]
    public void KeepUnits_AfterTheChallengerWasRefused_LeavesTheUnitAsIfNothingHappened()
    {
        var claim = ActiveTeamsAndIntune();
        claim.MarkSuperseded("clm_challenger", [Unit("teams")], Ctx(Start.AddDays(10)));

        Assert.Null(claim.KeepUnits("clm_challenger", Ctx(Start.AddDays(12))));

        Assert.Equal(ClaimStatus.Active, claim.Status);
        Assert.Equal((AssociationState.Active, false, null), (Of(claim, "teams").State, Of(claim, "teams").HandoverPending, Of(claim, "teams").SupersededByClaimId));
        Assert.Equal(ClaimEventKind.HandoverCancelled, claim.NewEvents[^1].Kind);
        Assert.Equal(ErrorCodes.InvalidTransition, claim.Supersede("clm_challenger", Ctx(Start.AddDays(17)))?.Code);
    }

    [Fact]
    public void Supersede_OfTheLastUnit_EndsTheClaim()
    {
        var claim = ActiveTeamsAndIntune();
        claim.MarkSuperseded("clm_challenger", [Unit("teams"), Unit("intune")], Ctx(Start.AddDays(10)));

        claim.Supersede("clm_challenger", Ctx(Start.AddDays(17)));

        Assert.Equal((ClaimStatus.Ended, nameof(EndReason.Superseded)), (claim.Status, claim.StatusReason));
        Assert.All(claim.Products, p => Assert.False(p.IsOpen));
    }

    [Fact]
    public void EndUnits_SubscriptionEndedOnOneUnit_KeepsTheOther()
    {
        var claim = ActiveTeamsAndIntune();

        Assert.Null(claim.EndUnits([Of(claim, "intune").Id], EndReason.WorkloadRemoved, Ctx(Start.AddDays(30))));

        Assert.Equal(ClaimStatus.Active, claim.Status);
        Assert.Equal((AssociationState.Ended, EndReason.WorkloadRemoved), (Of(claim, "intune").State, Of(claim, "intune").EndReason));
        Assert.Equal(AssociationState.Active, Of(claim, "teams").State);
    }

    [Fact]
    public void EndUnits_OfEveryUnit_EndsTheClaimWithThatReason()
    {
        var claim = ActiveTeamsAndIntune();
        claim.EndUnits([Of(claim, "intune").Id], EndReason.WorkloadRemoved, Ctx(Start.AddDays(30)));

        Assert.Null(claim.EndUnits([Of(claim, "teams").Id], EndReason.SubscriptionEnded, Ctx(Start.AddDays(31))));

        Assert.Equal((ClaimStatus.Ended, nameof(EndReason.SubscriptionEnded)), (claim.Status, claim.StatusReason));
    }

    [Theory]
    [InlineData(EndReason.Superseded)]
    [InlineData(EndReason.PartnerEnded)]
    [InlineData(EndReason.CustomerEnded)]
    public void EndUnits_WithAReasonThatIsNotTheDirectorys_ReturnsReasonNotAllowed(EndReason reason)
    {
        var claim = ActiveTeamsAndIntune();

        Assert.Equal(ErrorCodes.ReasonNotAllowed, claim.EndUnits([Of(claim, "teams").Id], reason, Ctx(Start.AddDays(30)))?.Code);
        Assert.Equal(AssociationState.Active, Of(claim, "teams").State);
    }

    [Fact]
    public void Supersede_WhileOnlyApproved_EndsAnAssociationThatNeverBecameActive_AndIsNeverEligible()
    {
        var claim = ApprovedTeamsAndIntune();
        claim.MarkSuperseded("clm_challenger", [Unit("teams")], Ctx(Start.AddDays(1)));

        Assert.Null(claim.Supersede("clm_challenger", Ctx(Start.AddDays(2))));

        var teams = Of(claim, "teams");
        Assert.Equal((AssociationState.Ended, false), (teams.State, teams.WasActive));
        var verdict = EligibilityRules.Evaluate(teams, new EligibilityFacts(["osu-m365"], null, null, WorkloadEnabled: true, Start.AddDays(2)));
        Assert.False(verdict.Eligible);
        Assert.Contains(verdict.Reasons, r => r.Code == EligibilityReasonCodes.NeverActive);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
    }

    private static Claim ApprovedTeamsAndIntune()
    {
        var validation = ClaimValidator.Validate(TestData.M365Input(), TestData.Directory());
        var claim = Claim.Create(validation.Details!, [Product("teams"), Product("intune")], "org-a", competing: false, TestData.Ctx(TestData.Partner, Start));
        claim.AddAttachment(TestData.Poe(claim, Start), TestData.Ctx(TestData.Partner, Start));
        Assert.Null(claim.Submit(TestData.Ctx(TestData.Partner, Start)));
        Assert.Null(claim.StartReview(TestData.Ctx(TestData.Reviewer, Start)));
        Assert.Null(claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start)));
        return claim;
    }

    private static Claim ActiveTeamsAndIntune()
    {
        var claim = ApprovedTeamsAndIntune();
        Assert.Null(claim.CompleteConsentWindow(Ctx(Official)));
        return claim;
    }

    private static ResolvedProduct Product(string workload) => new(workload, null, Unit(workload), UnitKind.Workload);

    private static string Unit(string workload) => ActivityRules.UnitKey(Activity.Usage, TestData.TenantId, workload, null);

    private static Association Of(Claim claim, string workload) => claim.Associations.Single(a => a.ProductId == workload);

    private static TransitionContext Ctx(DateTimeOffset at) => TestData.Ctx(Actor.System, at);
}
