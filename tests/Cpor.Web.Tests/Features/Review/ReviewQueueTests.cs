using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Review;

/// <summary>The reviewers' queue is GET /api/v1/claims?sort=dueAt with the status, overdue and competing filters.</summary>
public class ReviewQueueTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Queue_SortedByDueAt_PutsTheMostUrgentFirst_AndFiltersByStatus()
    {
        var tenant = await app.NewTenantAsync();
        var partner = await app.PartnerAsync();
        var later = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Submitted later", "teams"));
        app.Clock.Advance(TimeSpan.FromHours(-2)); // an older submission is due sooner
        var sooner = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Submitted sooner", "onedrive"));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var inReview = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "In review", "exchange-online"));

        var queue = await ListAsync($"tenantId={tenant.Id}&status=Submitted&sort=dueAt");
        var reviewing = await ListAsync($"tenantId={tenant.Id}&status=InReview&sort=dueAt");

        Assert.Equal([sooner.Id, later.Id], queue.Select(c => c.Id));
        Assert.Equal([inReview.Id], reviewing.Select(c => c.Id));
    }

    [Fact]
    public async Task Queue_OverdueFilter_ListsOnlyClaimsPastTheirSla_AndACompetingClaimInReviewIsNotLate()
    {
        var tenant = await app.NewTenantAsync();
        var contoso = await app.PartnerAsync();
        var fabrikam = await app.FabrikamAsync();
        var waiting = await app.CreateSubmittedClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Waiting", "onedrive"));
        var competingA = await app.InReviewClaimAsync(contoso, ReviewSteps.M365ClaimOn(tenant, "Competing A", "teams"));
        var competingB = await app.InReviewClaimAsync(fabrikam, ReviewSteps.M365ClaimOn(tenant, "Competing B", "teams").AsFabrikam());
        Assert.Empty(await ListAsync($"tenantId={tenant.Id}&overdue=true"));

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var overdue = await ListAsync($"tenantId={tenant.Id}&overdue=true&sort=dueAt");
        var onTime = await ListAsync($"tenantId={tenant.Id}&overdue=false&sort=dueAt");
        var competing = await ListAsync($"tenantId={tenant.Id}&competing=true&sort=dueAt");
        Assert.Equal([waiting.Id], overdue.Select(c => c.Id));
        Assert.True(overdue[0].Overdue);
        Assert.Equal(new[] { competingA.Id, competingB.Id }.Order(), onTime.Select(c => c.Id).Order());
        Assert.Equal(new[] { competingA.Id, competingB.Id }.Order(), competing.Select(c => c.Id).Order());
        Assert.All(competing, c => Assert.Equal(ClaimStatus.InReview, c.Status));
    }

    [Fact]
    public async Task Queue_ForAPartner_ShowsOnlyItsOwnOrganisationsClaims()
    {
        var tenant = await app.NewTenantAsync();
        var own = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Contoso's", "teams"));
        await app.CreateSubmittedClaimAsync(await app.FabrikamAsync(), ReviewSteps.M365ClaimOn(tenant, "Fabrikam's", "teams").AsFabrikam());

        var page = await ApiFixture.OkAsync<Page<ClaimResponse>>(await (await app.PartnerAsync()).GetAsync($"/api/v1/claims?tenantId={tenant.Id}&sort=dueAt&competing=true"));

        Assert.Equal([own.Id], page.Items.Select(c => c.Id));
    }

    private async Task<List<ClaimResponse>> ListAsync(string query) =>
        [.. (await ApiFixture.OkAsync<Page<ClaimResponse>>(await (await app.ReviewerAsync()).GetAsync("/api/v1/claims?" + query))).Items];
}
