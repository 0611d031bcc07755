using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Review;

public class ArbitrationTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task StartReview_OfACompetingClaim_TellsBothPartnersArbitrationIsUnderWay()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var first = await app.CreateSubmittedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Contoso Teams"));
        var second = await app.CreateSubmittedClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Fabrikam Teams").AsFabrikam());
        Assert.True(second.Competing);
        Assert.True((await app.GetClaimAsync(contoso, first.Id)).Competing);

        await (await app.ReviewerAsync()).StartReviewAsync(second.Id);
        await (await app.ReviewerAsync()).StartReviewAsync(first.Id);

        var contosoComments = await ApiFixture.OkAsync<Page<CommentResponse>>(await contoso.GetAsync($"/api/v1/claims/{first.Id}/comments"));
        var fabrikamComments = await ApiFixture.OkAsync<Page<CommentResponse>>(await fabrikam.GetAsync($"/api/v1/claims/{second.Id}/comments"));
        var notice = Assert.Single(contosoComments.Items);
        Assert.Equal((ActorKind.System, Arbitration.NoticeKey, CommentText.LegacyArbitrationNotice), (notice.AuthorKind, notice.TextKey, notice.Body));
        Assert.Equal(Arbitration.NoticeKey, Assert.Single(fabrikamComments.Items).TextKey);
    }

    [Fact]
    public async Task Competitors_ShowsTheOtherPartnersClaimWithItsProofOfExecution()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var holder = await app.ApprovedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Holder", "exchange-online"));
        var challenger = await app.CreateSubmittedClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Challenger", "exchange-online").AsFabrikam());

        var response = await ApiFixture.OkAsync<CompetitorsResponse>(await (await app.ReviewerAsync()).GetAsync($"/api/v1/claims/{challenger.Id}/competitors"));

        Assert.Equal((challenger.Id, "Fabrikam", false), (response.Claim.Id, response.Claim.PartnerName, response.Claim.HoldsUnit));
        var other = Assert.Single(response.Competitors);
        Assert.Equal((holder.Id, "Contoso", ClaimStatus.Approved, true), (other.Id, other.PartnerName, other.Status, other.HoldsUnit));
        var file = Assert.Single(other.Attachments);
        Assert.Equal(("proof.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ReviewerAsync()).GetAsync(file.DownloadUrl)).StatusCode);
        Assert.Equal(AssociationState.Approved, Assert.Single(other.Associations).State);
        Assert.Equal("exchange-online", Assert.Single(other.SharedProducts).ProductId);
    }

    [Fact]
    public async Task Competitors_ListsTheNewestProofFirst_IncludingProofAddedAfterApproval()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var holder = await app.ApprovedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Holder with new proof", "onedrive"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.AttachAsync(contoso, holder.Id, fileName: "countersigned.pdf");
        var challenger = await app.CreateSubmittedClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Challenger of the holder", "onedrive").AsFabrikam());

        var response = await ApiFixture.OkAsync<CompetitorsResponse>(await (await app.ReviewerAsync()).GetAsync($"/api/v1/claims/{challenger.Id}/competitors"));

        var other = Assert.Single(response.Competitors);
        Assert.Equal(["countersigned.pdf", "proof.pdf"], other.Attachments.Select(a => a.FileName));
    }

    [Fact]
    public async Task Competitors_ForThePartner_IsForbiddenOnItsOwnClaim_AndNotFoundOnAnothers()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var own = await app.CreateSubmittedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Own", "onedrive"));

        await Problem.AssertAsync(await contoso.GetAsync($"/api/v1/claims/{own.Id}/competitors"), HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        await Problem.AssertAsync(await fabrikam.GetAsync($"/api/v1/claims/{own.Id}/competitors"), HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Approve_WhileAnotherPartnerHoldsTheUnit_Is409_AndSupersedeEndsTheIncumbentInTheSameTransaction()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var reviewer = await app.ReviewerAsync();
        var holder = await app.ApprovedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Incumbent", "sharepoint-online"));
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();
        Assert.Equal(ClaimStatus.Active, (await app.GetClaimAsync(contoso, holder.Id)).Status);
        var challenger = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Challenger", "sharepoint-online").AsFabrikam());

        var refused = await reviewer.PostAsync($"/api/v1/claims/{challenger.Id}/review/approve", new { });
        await Problem.AssertAsync(refused, HttpStatusCode.Conflict, ErrorCodes.UnitAlreadyAssociated, "products");
        Assert.Equal(challenger.Version, (await app.GetClaimAsync(fabrikam, challenger.Id)).Version);

        var approved = await reviewer.ApproveAsync(challenger.Id, supersede: true);

        Assert.Equal(ClaimStatus.Approved, approved.Status);
        var incumbent = await app.GetClaimAsync(contoso, holder.Id);
        Assert.Equal((ClaimStatus.Ended, "Superseded"), (incumbent.Status, incumbent.StatusReason));
        var holders = await app.WithDbAsync(db => db.Associations
            .Where(a => a.TenantId == tenant.Id && (a.State == AssociationState.Approved || a.State == AssociationState.Active))
            .Select(a => a.ClaimId).ToListAsync());
        Assert.Equal([challenger.Id], holders);
        var ended = await app.WithDbAsync(db => db.Associations.SingleAsync(a => a.ClaimId == holder.Id));
        Assert.Equal((AssociationState.Ended, EndReason.Superseded), (ended.State, ended.EndReason));
        var history = await contoso.HistoryAsync(holder.Id);
        Assert.Equal(("Supersede", ActorKind.Reviewer), (history[^1].Action, history[^1].Actor.Kind));
    }

    [Fact]
    public async Task Approve_WithSupersede_WhenNobodyHoldsTheUnit_JustApproves()
    {
        var contoso = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var claim = await app.InReviewClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Alone", "teams"));

        var approved = await (await app.ReviewerAsync()).ApproveAsync(claim.Id, supersede: true);

        Assert.Equal(ClaimStatus.Approved, approved.Status);
    }
}
