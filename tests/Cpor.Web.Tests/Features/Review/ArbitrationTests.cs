using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
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
    public async Task Approve_WhileAnotherPartnerHoldsTheUnit_Is409_AndSupersedeHandsTheUnitOverWhenTheChallengerBecomesActive()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var reviewer = await app.ReviewerAsync();
        var holder = await ActiveAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Incumbent", "sharepoint-online"));
        var challenger = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Challenger", "sharepoint-online").AsFabrikam());

        var refused = await reviewer.PostAsync($"/api/v1/claims/{challenger.Id}/review/approve", new { });
        await Problem.AssertAsync(refused, HttpStatusCode.Conflict, ErrorCodes.UnitAlreadyAssociated, "products");
        Assert.Equal(challenger.Version, (await app.GetClaimAsync(fabrikam, challenger.Id)).Version);

        var approved = await reviewer.ApproveAsync(challenger.Id, supersede: true);

        Assert.Equal(ClaimStatus.Approved, approved.Status);
        var promised = await app.GetClaimAsync(contoso, holder.Id);
        Assert.Equal(ClaimStatus.Active, promised.Status);
        var pending = Assert.Single(promised.Associations);
        Assert.Equal((AssociationState.Active, true), (pending.State, pending.HandoverPending));

        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();

        var incumbent = await app.GetClaimAsync(contoso, holder.Id);
        Assert.Equal((ClaimStatus.Ended, "Superseded"), (incumbent.Status, incumbent.StatusReason));
        var actives = await app.WithDbAsync(db => db.Associations
            .Where(a => a.TenantId == tenant.Id && a.State == AssociationState.Active)
            .Select(a => a.ClaimId).ToListAsync());
        Assert.Equal([challenger.Id], actives);
        var ended = await app.WithDbAsync(db => db.Associations.SingleAsync(a => a.ClaimId == holder.Id));
        Assert.Equal((AssociationState.Ended, EndReason.Superseded), (ended.State, ended.EndReason));
        var history = await contoso.HistoryAsync(holder.Id);
        Assert.Equal(("Supersede", ActorKind.System), (history[^1].Action, history[^1].Actor.Kind));
    }

    [Fact]
    public async Task Supersede_OfOneUnit_EndsOnlyThatUnit_TheIncumbentKeepsItsOtherUnits()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var body = ReviewSteps.M365ClaimOn(tenant, "Teams and OneDrive", "teams");
        body["products"] = new[] { new { productId = "teams" }, new { productId = "onedrive" } };
        var holder = await ActiveAsync(contoso, body);
        var challenger = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Fabrikam Teams", "teams").AsFabrikam());
        await (await app.ReviewerAsync()).ApproveAsync(challenger.Id, supersede: true);

        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();

        var incumbent = await app.GetClaimAsync(contoso, holder.Id);
        Assert.Equal(ClaimStatus.Active, incumbent.Status);
        var byProduct = incumbent.Associations.ToDictionary(a => a.ProductId);
        Assert.Equal((AssociationState.Ended, EndReason.Superseded), (byProduct["teams"].State, byProduct["teams"].EndReason));
        Assert.Equal((AssociationState.Active, false), (byProduct["onedrive"].State, byProduct["onedrive"].HandoverPending));
        Assert.Equal(ClaimStatus.Active, (await app.GetClaimAsync(fabrikam, challenger.Id)).Status);
        var history = await contoso.HistoryAsync(holder.Id);
        Assert.Equal((nameof(ClaimEventKind.AssociationEnded), "Superseded"), (history[^1].Action, history[^1].Reason));
    }

    [Fact]
    public async Task OptOut_OfTheChallenger_LeavesTheIncumbentHoldingTheUnitAsIfNothingHappened()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var holder = await ActiveAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Kept", "exchange-online"));
        var challenger = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Refused", "exchange-online").AsFabrikam());
        await (await app.ReviewerAsync()).ApproveAsync(challenger.Id, supersede: true);
        var customer = await app.CustomerAdminAsync(tenant.Id, $"admin-{Guid.NewGuid():N}@{tenant.Domain}");

        var optOut = await customer.PostAsync($"/api/v1/customer/claims/{challenger.Id}/opt-out", new { });
        Assert.Equal(HttpStatusCode.OK, optOut.StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();

        var incumbent = await app.GetClaimAsync(contoso, holder.Id);
        Assert.Equal(ClaimStatus.Active, incumbent.Status);
        var kept = Assert.Single(incumbent.Associations);
        Assert.Equal((AssociationState.Active, false, (EndReason?)null), (kept.State, kept.HandoverPending, kept.EndReason));
        Assert.Equal(ClaimStatus.Rejected, (await app.GetClaimAsync(fabrikam, challenger.Id)).Status);
        var history = await contoso.HistoryAsync(holder.Id);
        Assert.Equal(nameof(ClaimEventKind.HandoverCancelled), history[^1].Action);
    }

    [Fact]
    public async Task Approve_WithSupersede_OfAUnitAlreadyPromisedToAnotherClaim_Is409HandoverPending()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var reviewer = await app.ReviewerAsync();
        await ActiveAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Holder", "onedrive"));
        var first = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "First challenger", "onedrive").AsFabrikam());
        await reviewer.ApproveAsync(first.Id, supersede: true);
        var (third, thirdMpn) = await ThirdPartnerAsync();
        var body = ReviewSteps.M365ClaimOn(tenant, "Second challenger", "onedrive");
        body["mpnId"] = thirdMpn;
        var second = await app.InReviewClaimAsync(third, body);

        var refused = await reviewer.PostAsync($"/api/v1/claims/{second.Id}/review/approve", new { supersede = true });

        await Problem.AssertAsync(refused, HttpStatusCode.Conflict, ErrorCodes.HandoverPending, "products");
    }

    [Fact]
    public async Task Supersede_WhileTheIncumbentIsOnlyApproved_ItsAssociationNeverBecameActive_AndIsNeverEligible()
    {
        var (contoso, fabrikam, tenant) = (await app.PartnerAsync(), await app.FabrikamAsync(), await app.NewTenantAsync());
        var holder = await app.ApprovedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Approved only", "teams"));
        var challenger = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Shorter window", "teams").AsFabrikam());
        // The program's consent window was shortened between the two approvals: the challenger's ends first.
        await SetConsentWindowAsync(ProgramIds.OsuMicrosoft365, 1);
        try
        {
            await (await app.ReviewerAsync()).ApproveAsync(challenger.Id, supersede: true);
        }
        finally
        {
            await SetConsentWindowAsync(ProgramIds.OsuMicrosoft365, 7);
        }

        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.RunClockAsync();

        var incumbent = await app.GetClaimAsync(contoso, holder.Id);
        var never = Assert.Single(incumbent.Associations);
        Assert.Equal((AssociationState.Ended, EndReason.Superseded, (DateTimeOffset?)null), (never.State, never.EndReason, never.ActiveFrom));
        var earnings = await ApiFixture.OkAsync<Page<EarningResponse>>(await contoso.GetAsync("/api/v1/associations/earnings?limit=200"));
        Assert.DoesNotContain(earnings.Items, e => e.AssociationId == never.Id);
        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await contoso.GetAsync($"/api/v1/associations/{never.Id}/eligibility"));
        Assert.False(eligibility.Eligible);
        Assert.Contains(eligibility.Reasons, r => r.Code == EligibilityReasonCodes.NeverActive);
    }

    private Task SetConsentWindowAsync(string programId, int days) =>
        app.WithDbAsync(async db => await db.Programs.Where(p => p.Id == programId).ExecuteUpdateAsync(u => u.SetProperty(p => p.ConsentWindowDays, days)));

    /// <summary>A third partner organisation, its MPN ID enrolled in OSU – Microsoft 365, and its incentives admin signed in.</summary>
    private async Task<(HttpClient Client, string Mpn)> ThirdPartnerAsync()
    {
        var mpn = "3" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var admin = await app.AdminAsync();
        var org = await ApiFixture.PostOkAsync<PartnerResponse>(admin, "/api/v1/admin/partners", new { name = "Northwind " + mpn });
        await ApiFixture.PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{org.Id}/mpns", new { mpnId = mpn, name = "Turin", programs = new[] { "osu-m365" } });
        var email = $"incentives-{mpn}@northwind.test";
        await ApiFixture.PostOkAsync<UserResponse>(admin, "/api/v1/admin/users", new
        {
            email, password = World.Password, roles = new[] { "IncentivesAdmin" }, partnerOrgId = org.Id, language = "en", displayName = "Northwind " + mpn,
        });
        return (await app.ClientAsync(email), mpn);
    }

    private async Task<ClaimResponse> ActiveAsync(HttpClient partner, object body)
    {
        var claim = await app.ApprovedClaimAsync(partner, body);
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();
        var active = await app.GetClaimAsync(partner, claim.Id);
        Assert.Equal(ClaimStatus.Active, active.Status);
        return active;
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
