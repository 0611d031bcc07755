using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Consent;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Review;

public class ReviewWalkthroughTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Claim_GoesThroughReviewOptOutDisputeAndConsent_EndsActive_WithEveryStepInHistory()
    {
        var partner = await app.PartnerAsync();
        var reviewer = await app.ReviewerAsync();
        var customer = await app.ClientAsync(World.CustomerAdmin);
        var claim = await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Full review", "onedrive"));

        var started = await reviewer.StartReviewAsync(claim.Id);
        Assert.Equal(ClaimStatus.InReview, started.Status);
        Assert.NotNull(started.ReviewerId);
        Assert.Equal(app.Clock.Now.AddDays(7), started.DueAt); // five business days from a Monday

        var asked = await reviewer.RequestInfoAsync(claim.Id, ["PoeMissing", "DatesMissingOrOld"], "Please add the signed proof.");
        Assert.Equal(ClaimStatus.PartnerActionRequired, asked.Status);
        Assert.Equal([InfoRequestReason.PoeMissing, InfoRequestReason.DatesMissingOrOld], asked.InfoRequestReasons);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.AttachAsync(partner, claim.Id, fileName: "signed-proof.pdf");
        var resubmitted = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/submit", new { });
        Assert.Equal(ClaimStatus.Submitted, resubmitted.Status);
        Assert.Empty(resubmitted.InfoRequestReasons);

        await reviewer.StartReviewAsync(claim.Id);
        var approved = await reviewer.ApproveAsync(claim.Id, comment: "Proof is complete.");
        Assert.Equal(ClaimStatus.Approved, approved.Status);
        Assert.Equal(app.Clock.Now.AddDays(7), approved.ConsentEndsAt); // osu-m365's consent window
        Assert.Equal(approved.ConsentEndsAt, approved.NextAutoActionAt); // when the clock makes it Active

        var seen = await ApiFixture.OkAsync<Page<CustomerClaimResponse>>(await customer.GetAsync("/api/v1/customer/claims"));
        var mine = Assert.Single(seen.Items, c => c.Id == claim.Id);
        Assert.True(mine.CanOptOut);
        Assert.Equal("Contoso", mine.PartnerName);

        var optedOut = await ApiFixture.OkAsync<CustomerClaimResponse>(await customer.PostAsync($"/api/v1/customer/claims/{claim.Id}/opt-out", new { comment = "We work with them on other things only." }));
        Assert.Equal(ClaimStatus.Rejected, optedOut.Status);
        Assert.Equal("CustomerDenied", optedOut.StatusReason);
        Assert.All(optedOut.Associations, a => Assert.Equal(AssociationState.Cancelled, a.State));

        var disputed = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{claim.Id}/dispute", new { justification = "The customer's IT director confirmed the project in writing." });
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);

        Assert.Equal(ClaimStatus.InReview, (await reviewer.StartReviewAsync(claim.Id)).Status);
        var reapproved = await reviewer.ApproveAsync(claim.Id);
        Assert.Equal(ClaimStatus.Approved, reapproved.Status);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var applied = await app.RunClockAsync();

        Assert.Single(applied, a => a.ClaimId == claim.Id && a.Action == "ConsentWindowEnd");
        var active = await app.GetClaimAsync(partner, claim.Id);
        Assert.Equal(ClaimStatus.Active, active.Status);
        Assert.Null(active.NextAutoActionAt);
        var history = await partner.HistoryAsync(claim.Id);
        Assert.Equal(
            ["Created", "AttachmentAdded", "Submit", "StartReview", "RequestInfo", "AttachmentAdded", "Submit", "StartReview", "Approve", "OptOut", "Dispute", "StartReview", "Approve", "ConsentWindowEnd"],
            history.Select(h => h.Action));
        Assert.Equal(ActorKind.Customer, history.Single(h => h.Action == "OptOut").Actor.Kind);
        Assert.Equal("CustomerDenied", history.Single(h => h.Action == "OptOut").Reason);
        Assert.Equal("PoeMissing,DatesMissingOrOld", history.Single(h => h.Action == "RequestInfo").Reason);
        Assert.Equal(new HistoryActor(ActorKind.System, null, "system"), history[^1].Actor);
    }
}
