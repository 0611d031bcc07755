using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Review;

public class DisputeTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Dispute_ThenReviewAndReject_EndsRejected_AndASecondDisputeIsNotAllowed()
    {
        var partner = await app.PartnerAsync();
        var reviewer = await app.ReviewerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Disputed twice"));
        await reviewer.RejectAsync(claim.Id, "InsufficientPoe", "The proof does not name the customer.");

        var disputed = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { justification = "Page 2 names them." });
        Assert.Equal((ClaimStatus.Disputed, BusinessCalendar.WeekendsOnly.AddBusinessDays(app.Clock.Now, 5)), (disputed.Status, disputed.DueAt!.Value));
        Assert.Equal(ClaimStatus.InReview, (await reviewer.StartReviewAsync(claim.Id)).Status);
        var rejectedAgain = await reviewer.RejectAsync(claim.Id, "PoeNotAvailable");
        Assert.Null(rejectedAgain.DisputeWindowEndsAt);

        var second = await partner.PostAsync($"/api/v1/claims/{claim.Id}/dispute", new { justification = "Again." });

        await Problem.AssertAsync(second, HttpStatusCode.Conflict, ErrorCodes.DisputeNotAllowed);
        Assert.Equal(rejectedAgain.Version, (await app.GetClaimAsync(partner, claim.Id)).Version);
    }

    [Fact]
    public async Task Dispute_AfterThirtyDays_IsDisputeWindowClosed()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Too late"));
        var rejected = await (await app.ReviewerAsync()).RejectAsync(claim.Id, "ProductsMissing");
        app.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var response = await partner.PostAsync($"/api/v1/claims/{claim.Id}/dispute", new { justification = "We were on holiday." });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.DisputeWindowClosed);
        Assert.Equal(rejected.Version, (await app.GetClaimAsync(partner, claim.Id)).Version);
    }

    [Fact]
    public async Task Dispute_ThenApprove_OpensTheConsentWindow()
    {
        var partner = await app.PartnerAsync();
        var reviewer = await app.ReviewerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Won on dispute"));
        await reviewer.RejectAsync(claim.Id, "CustomerConsentMissing");
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { justification = "Consent e-mail attached." });

        var approved = await reviewer.ApproveAsync(claim.Id);

        Assert.Equal((ClaimStatus.Approved, app.Clock.Now.AddDays(7)), (approved.Status, approved.ConsentEndsAt));
    }

    [Fact]
    public async Task Dispute_WithoutJustification_NeedsProofAddedAfterTheRejection()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "New proof"));
        await (await app.ReviewerAsync()).RejectAsync(claim.Id, "InsufficientPoe");

        var bare = await partner.PostAsync($"/api/v1/claims/{claim.Id}/dispute", new { });
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AttachAsync(partner, claim.Id, fileName: "countersigned.pdf");
        var withProof = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { });

        await Problem.AssertAsync(bare, HttpStatusCode.UnprocessableEntity, ErrorCodes.DisputeJustificationRequired, "justification");
        Assert.Equal(ClaimStatus.Disputed, withProof.Status);
    }

    [Fact]
    public async Task ClosingAnUnusedDisputeWindow_IsRecordedOnce_BySystem()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Window closes"));
        await (await app.ReviewerAsync()).RejectAsync(claim.Id, "InsufficientPoe");
        app.Clock.Advance(TimeSpan.FromDays(31));

        await app.RunClockAsync();
        await app.RunClockAsync();

        var closes = (await partner.HistoryAsync(claim.Id)).Where(h => h.Action == "DisputeWindowClosed").ToList();
        Assert.Equal(ActorKind.System, Assert.Single(closes).Actor.Kind);
    }
}
