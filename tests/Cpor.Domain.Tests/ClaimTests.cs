namespace Cpor.Domain.Tests;

public class ClaimTests
{
    private static readonly DateTimeOffset Start = TestData.Monday;

    [Fact]
    public void Create_RecordsEveryFieldInTheFirstHistoryLine()
    {
        var claim = TestData.NewDraft(Start);

        var created = Assert.Single(claim.NewEvents);
        Assert.Equal(ClaimEventKind.Created, created.Kind);
        Assert.Equal(ClaimStatus.Draft, claim.Status);
        Assert.Equal(1, claim.Version);
        Assert.Contains(created.Changes, c => c.Field == "tenantId" && c.Old is null && c.New == TestData.TenantId.ToString());
        Assert.Equal("Pat Partner", created.ActorName);
    }

    [Theory]
    [InlineData(RejectionReason.PartnerRequest, true)]
    [InlineData(RejectionReason.InsufficientPoe, true)]
    [InlineData(RejectionReason.CustomerConsentMissing, true)]
    [InlineData(RejectionReason.ProductsMissing, true)]
    [InlineData(RejectionReason.PoeNotAvailable, true)]
    [InlineData(RejectionReason.CustomerDenied, false)]
    [InlineData(RejectionReason.NoPartnerResponse, false)]
    public void IsReviewerReason_LeavesTheCustomersAndTheClocksReasonsToThem(RejectionReason reason, bool reviewers)
    {
        Assert.Equal(reviewers, Claim.IsReviewerReason(reason));
    }

    [Fact]
    public void Submit_WithoutPoe_ReturnsPoeRequired()
    {
        var claim = TestData.NewDraft(Start);

        var error = claim.Submit(TestData.Ctx(TestData.Partner, Start));

        Assert.Equal(ErrorCodes.PoeRequired, error?.Code);
        Assert.Equal(ClaimStatus.Draft, claim.Status);
    }

    [Fact]
    public void Submit_WithPoe_SetsTheReviewStartDeadline()
    {
        var claim = TestData.Submitted(Start);

        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(Start.AddDays(7), claim.DueAt); // five business days from a Monday
        Assert.Equal(Start, claim.SubmittedAt);
    }

    [Fact]
    public void Approve_WhenDraft_ReturnsInvalidTransition()
    {
        var claim = TestData.NewDraft(Start);
        var versionBefore = claim.Version;
        var eventsBefore = claim.NewEvents.Count;

        var error = claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));

        Assert.Equal(ErrorCodes.InvalidTransition, error?.Code);
        Assert.Equal(ClaimStatus.Draft, claim.Status);
        Assert.Empty(claim.Associations);
        Assert.Equal(versionBefore, claim.Version);
        Assert.Equal(eventsBefore, claim.NewEvents.Count);
    }

    [Fact]
    public void RequestInfo_WithoutReasons_IsRefused()
    {
        var claim = TestData.Submitted(Start);
        claim.StartReview(TestData.Ctx(TestData.Reviewer, Start));

        var error = claim.RequestInfo([], "?", TestData.Ctx(TestData.Reviewer, Start));

        Assert.Equal(ErrorCodes.InfoReasonsRequired, error?.Code);
        Assert.Equal(ClaimStatus.InReview, claim.Status);
    }

    [Fact]
    public void Resubmit_AfterRequestInfo_CountsThePartnersTime()
    {
        var claim = TestData.Submitted(Start);
        claim.StartReview(TestData.Ctx(TestData.Reviewer, Start.AddHours(1)));
        claim.RequestInfo([InfoRequestReason.PoeMissing, InfoRequestReason.DatesMissingOrOld], "Please add dates", TestData.Ctx(TestData.Reviewer, Start.AddHours(2)));
        Assert.Equal(ClaimStatus.PartnerActionRequired, claim.Status);
        Assert.Equal([InfoRequestReason.PoeMissing, InfoRequestReason.DatesMissingOrOld], claim.InfoRequestReasons);
        Assert.Equal(Start.AddHours(2).AddDays(7), claim.NextAutoActionAt);

        Assert.Null(claim.Submit(TestData.Ctx(TestData.Partner, Start.AddHours(26))));

        Assert.Equal(ClaimStatus.Submitted, claim.Status);
        Assert.Equal(TimeSpan.FromHours(24), claim.PartnerResponseTime);
        Assert.Empty(claim.InfoRequestReasons);
        Assert.Null(claim.NextAutoActionAt);
    }

    [Fact]
    public void Approve_CreatesOneHoldingAssociationPerProduct_AndOpensTheConsentWindow()
    {
        var claim = InReview();

        Assert.Null(claim.Approve(7, "ok", TestData.Ctx(TestData.Reviewer, Start.AddDays(1))));

        var association = Assert.Single(claim.Associations);
        Assert.Equal(AssociationState.Approved, association.State);
        Assert.Equal(claim.Products[0].UnitKey, association.UnitKey);
        Assert.Equal(Start.AddDays(8), claim.ConsentEndsAt);
        Assert.Equal(claim.ConsentEndsAt, claim.NextAutoActionAt);
    }

    [Fact]
    public void CompleteConsentWindow_BeforeItEnds_IsNotYetDue()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));

        var error = claim.CompleteConsentWindow(TestData.Ctx(Actor.System, Start.AddDays(6)));

        Assert.Equal(ErrorCodes.NotYetDue, error?.Code);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
    }

    [Fact]
    public void CompleteConsentWindow_AfterItEnds_MakesTheAssociationActive()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));

        Assert.Null(claim.CompleteConsentWindow(TestData.Ctx(Actor.System, Start.AddDays(7))));

        Assert.Equal(ClaimStatus.Active, claim.Status);
        Assert.Equal(AssociationState.Active, claim.Associations[0].State);
        Assert.Equal(ActorKind.System, claim.NewEvents[^1].ActorKind);
    }

    [Fact]
    public void OptOut_AfterTheWindow_ReturnsConsentWindowClosed()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));

        var error = claim.OptOut(null, TestData.Ctx(new Actor(ActorKind.Customer, "c", "Customer"), Start.AddDays(7)));

        Assert.Equal(ErrorCodes.ConsentWindowClosed, error?.Code);
    }

    [Fact]
    public void OptOut_DuringTheWindow_RejectsWithCustomerDenied_AndReleasesTheUnit()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));

        Assert.Null(claim.OptOut("no", TestData.Ctx(new Actor(ActorKind.Customer, "c", "Customer"), Start.AddDays(3))));

        Assert.Equal(ClaimStatus.Rejected, claim.Status);
        Assert.Equal(nameof(RejectionReason.CustomerDenied), claim.StatusReason);
        Assert.Equal(AssociationState.Cancelled, claim.Associations[0].State);
        Assert.False(claim.Products[0].IsOpen);
        Assert.Equal(Start.AddDays(33), claim.DisputeWindowEndsAt);
    }

    [Fact]
    public void TimeOutPartnerResponse_RejectsWithNoPartnerResponse_OnlyWhenDue()
    {
        var claim = InReview();
        claim.RequestInfo([InfoRequestReason.PoeMissing], null, TestData.Ctx(TestData.Reviewer, Start));

        Assert.Equal(ErrorCodes.NotYetDue, claim.TimeOutPartnerResponse(TestData.Ctx(Actor.System, Start.AddDays(6)))?.Code);
        Assert.Null(claim.TimeOutPartnerResponse(TestData.Ctx(Actor.System, Start.AddDays(7))));

        Assert.Equal(ClaimStatus.Rejected, claim.Status);
        Assert.Equal(nameof(RejectionReason.NoPartnerResponse), claim.StatusReason);
    }

    [Fact]
    public void Dispute_WithinThirtyDays_Once_ThenNotAllowed()
    {
        var claim = InReview();
        claim.Reject(RejectionReason.InsufficientPoe, "thin", TestData.Ctx(TestData.Reviewer, Start));

        Assert.Equal(ErrorCodes.DisputeJustificationRequired, claim.Dispute(" ", TestData.Ctx(TestData.Partner, Start.AddDays(1)))?.Code);
        Assert.Null(claim.Dispute("Signed PoE attached", TestData.Ctx(TestData.Partner, Start.AddDays(2))));
        Assert.Equal(ClaimStatus.Disputed, claim.Status);

        claim.Reject(RejectionReason.InsufficientPoe, "still thin", TestData.Ctx(TestData.Reviewer, Start.AddDays(3)));
        Assert.Null(claim.DisputeWindowEndsAt);
        Assert.Equal(ErrorCodes.DisputeNotAllowed, claim.Dispute("again", TestData.Ctx(TestData.Partner, Start.AddDays(4)))?.Code);
    }

    [Fact]
    public void Dispute_AfterASecondOptOut_ReturnsDisputeNotAllowed()
    {
        var customer = new Actor(ActorKind.Customer, "c", "Customer");
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));
        claim.OptOut("wrong person", TestData.Ctx(customer, Start.AddDays(1)));
        Assert.True(claim.DisputeAllowed);
        Assert.Null(claim.Dispute("The wrong person opted out.", TestData.Ctx(TestData.Partner, Start.AddDays(2))));
        Assert.Null(claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start.AddDays(3))));
        Assert.Null(claim.OptOut("still no", TestData.Ctx(customer, Start.AddDays(4))));

        var error = claim.Dispute("again", TestData.Ctx(TestData.Partner, Start.AddDays(5)));

        Assert.Equal(ErrorCodes.DisputeNotAllowed, error?.Code);
        Assert.False(claim.DisputeAllowed);
        Assert.Equal(ClaimStatus.Rejected, claim.Status);
    }

    [Fact]
    public void Dispute_AWithdrawnClaim_ReturnsDisputeNotAllowed()
    {
        var claim = TestData.NewDraft(Start);
        claim.Withdraw(TestData.Ctx(TestData.Partner, Start), null);

        Assert.Equal(ErrorCodes.DisputeNotAllowed, claim.Dispute("changed my mind", TestData.Ctx(TestData.Partner, Start.AddDays(1)))?.Code);
    }

    [Fact]
    public void Dispute_WithProofAddedAfterTheRejection_NeedsNoJustification()
    {
        var claim = InReview();
        claim.Reject(RejectionReason.InsufficientPoe, "thin", TestData.Ctx(TestData.Reviewer, Start));
        Assert.Null(claim.AddAttachment(TestData.Poe(claim, Start.AddHours(1)), TestData.Ctx(TestData.Partner, Start.AddHours(1))));

        Assert.Null(claim.Dispute(null, TestData.Ctx(TestData.Partner, Start.AddHours(2))));
        Assert.Equal(ClaimStatus.Disputed, claim.Status);
        Assert.Null(claim.DisputeJustification);
    }

    [Fact]
    public void Dispute_AfterThirtyDays_ReturnsDisputeWindowClosed()
    {
        var claim = InReview();
        claim.Reject(RejectionReason.ProductsMissing, null, TestData.Ctx(TestData.Reviewer, Start));

        var error = claim.Dispute("late", TestData.Ctx(TestData.Partner, Start.AddDays(30).AddSeconds(1)));

        Assert.Equal(ErrorCodes.DisputeWindowClosed, error?.Code);
    }

    [Fact]
    public void Dispute_WithNewPoeOnly_IsAccepted()
    {
        var claim = InReview();
        claim.Reject(RejectionReason.CustomerConsentMissing, null, TestData.Ctx(TestData.Reviewer, Start));
        Assert.Null(claim.AddAttachment(TestData.Poe(claim, Start.AddDays(1)), TestData.Ctx(TestData.Partner, Start.AddDays(1))));

        Assert.Null(claim.Dispute(null, TestData.Ctx(TestData.Partner, Start.AddDays(1))));
        Assert.Equal(ClaimStatus.Disputed, claim.Status);
    }

    [Fact]
    public void Withdraw_Draft_IsRejectedByPartnerRequest_AndCannotBeDisputed()
    {
        var claim = TestData.NewDraft(Start);

        Assert.Null(claim.Withdraw(TestData.Ctx(TestData.Partner, Start), "wrong MPN"));

        Assert.Equal(ClaimStatus.Rejected, claim.Status);
        Assert.Equal(nameof(RejectionReason.PartnerRequest), claim.StatusReason);
        Assert.Null(claim.DisputeWindowEndsAt);
    }

    [Fact]
    public void Withdraw_Active_EndsTheAssociation()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));
        claim.CompleteConsentWindow(TestData.Ctx(Actor.System, Start.AddDays(7)));

        Assert.Null(claim.Withdraw(TestData.Ctx(TestData.Partner, Start.AddDays(10)), null));

        Assert.Equal(ClaimStatus.Ended, claim.Status);
        Assert.Equal(nameof(EndReason.PartnerEnded), claim.StatusReason);
        Assert.Equal(EndReason.PartnerEnded, claim.Associations[0].EndReason);
    }

    [Fact]
    public void Supersede_EndsTheUnitsPromisedToTheChallengerWithReasonSuperseded()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));
        claim.CompleteConsentWindow(TestData.Ctx(Actor.System, Start.AddDays(7)));
        Assert.Null(claim.MarkSuperseded("clm_challenger", [claim.Products[0].UnitKey], TestData.Ctx(TestData.Reviewer, Start.AddDays(20))));

        Assert.Null(claim.Supersede("clm_challenger", TestData.Ctx(Actor.System, Start.AddDays(27))));

        Assert.Equal(ClaimStatus.Ended, claim.Status);
        Assert.Equal(AssociationState.Ended, claim.Associations[0].State);
        Assert.Equal(EndReason.Superseded, claim.Associations[0].EndReason);
    }

    [Fact]
    public void Reject_WithTheCustomersReason_IsNotTheReviewersToGive()
    {
        var claim = InReview();

        var error = claim.Reject(RejectionReason.CustomerDenied, null, TestData.Ctx(TestData.Reviewer, Start));

        Assert.Equal(ErrorCodes.ReasonNotAllowed, error?.Code);
        Assert.Equal(ClaimStatus.InReview, claim.Status);
    }

    [Fact]
    public void Edit_InSubmitted_AcceptsContactsAndRefusesTheName()
    {
        var claim = TestData.Submitted(Start);
        var details = claim.CurrentDetails();
        var products = claim.Products.Select(p => p.ToResolved()).ToList();

        Assert.Null(claim.Edit(details with { CustomerContact = new Contact("Bo Chen", "CTO", "bo@contoso.com") }, products, TestData.Ctx(TestData.Partner, Start)));
        var refused = claim.Edit(details with { Name = "Renamed" }, products, TestData.Ctx(TestData.Partner, Start));

        Assert.Equal(ErrorCodes.FieldNotEditable, refused?.Code);
        Assert.Equal("name", refused?.Field);
        Assert.Equal("Bo Chen", claim.CustomerContact.Name);
        var edit = claim.NewEvents.Last(e => e.Kind == ClaimEventKind.Edited);
        Assert.Contains(edit.Changes, c => c is { Field: "customerContact.name", Old: "Ann Lee", New: "Bo Chen" });
    }

    [Fact]
    public void Edit_WithNoChange_RecordsNothing()
    {
        var claim = TestData.NewDraft(Start);
        var events = claim.NewEvents.Count;

        Assert.Null(claim.Edit(claim.CurrentDetails(), [.. claim.Products.Select(p => p.ToResolved())], TestData.Ctx(TestData.Partner, Start)));

        Assert.Equal(events, claim.NewEvents.Count);
    }

    [Fact]
    public void AddAttachment_ToAnActiveAssociation_IsAccepted()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));
        Assert.Null(claim.AddAttachment(TestData.Poe(claim, Start.AddDays(1)), TestData.Ctx(TestData.Partner, Start.AddDays(1))));
        claim.CompleteConsentWindow(TestData.Ctx(Actor.System, Start.AddDays(7)));

        Assert.Null(claim.AddAttachment(TestData.Poe(claim, Start.AddDays(8)), TestData.Ctx(TestData.Partner, Start.AddDays(8))));

        Assert.Equal(3, claim.Attachments.Count);
        Assert.Equal(ClaimEventKind.AttachmentAdded, claim.NewEvents[^1].Kind);
    }

    [Fact]
    public void AddAttachment_ToAnEndedAssociation_IsFieldNotEditable()
    {
        var claim = InReview();
        claim.Approve(7, null, TestData.Ctx(TestData.Reviewer, Start));
        claim.CompleteConsentWindow(TestData.Ctx(Actor.System, Start.AddDays(7)));
        claim.Withdraw(TestData.Ctx(TestData.Partner, Start.AddDays(8)), null);

        var error = claim.AddAttachment(TestData.Poe(claim, Start.AddDays(9)), TestData.Ctx(TestData.Partner, Start.AddDays(9)));

        Assert.Equal((ErrorCodes.FieldNotEditable, "attachments"), (error?.Code, error?.Field));
        Assert.Single(claim.Attachments);
    }

    [Fact]
    public void RemoveAttachment_AfterSubmit_IsRefused()
    {
        var claim = TestData.Submitted(Start);

        var error = claim.RemoveAttachment(claim.Attachments[0].Id, TestData.Ctx(TestData.Partner, Start));

        Assert.Equal(ErrorCodes.FieldNotEditable, error?.Code);
        Assert.Single(claim.Attachments);
    }

    [Fact]
    public void IsOverdue_IgnoresCompetingClaimsInReview()
    {
        var claim = InReview();
        var late = Start.AddDays(30);
        Assert.True(claim.IsOverdue(late));

        claim.MarkCompeting(TestData.Ctx(Actor.System, Start));

        Assert.False(claim.IsOverdue(late));
    }

    [Fact]
    public void ImportLegacy_IsActiveWithExpiringAssociations()
    {
        var validation = ClaimValidator.Validate(TestData.SalesInput() with { Products = [new ProductInput("dynamics-365-sales", TestData.SalesSubscription.ToString())] }, TestData.Directory());
        var expires = Start.AddMonths(6);

        var claim = Claim.ImportLegacy(validation.Details!, validation.Products, "org-a", Start.AddYears(-1), expires, TestData.Ctx(Actor.System, Start));

        Assert.Equal(ClaimStatus.Active, claim.Status);
        Assert.True(claim.Associations[0].Legacy);
        Assert.Equal(expires, claim.Associations[0].ExpiresAt);
    }

    private static Claim InReview()
    {
        var claim = TestData.Submitted(Start);
        Assert.Null(claim.StartReview(TestData.Ctx(TestData.Reviewer, Start)));
        return claim;
    }
}
