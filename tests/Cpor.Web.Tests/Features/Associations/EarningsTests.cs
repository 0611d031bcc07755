using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Associations;

/// <summary>
/// CPOR.md §10: the earnings view lists eligible associations with the IDs to find them by, and
/// the partner contribution credit measured from the unit's facts (docs/decisions/0020).
/// </summary>
public class EarningsTests(AssociationFixture app) : IClassFixture<AssociationFixture>
{
    [Fact]
    public async Task Earnings_ListsTheOrganisationsEligibleAssociationsOnly()
    {
        var partner = await app.PartnerAsync();

        var page = await ApiFixture.OkAsync<Page<EarningResponse>>(await partner.GetAsync("/api/v1/associations/earnings"));

        // The revenue association is official but earns no payment; Fabrikam's are not Contoso's.
        Assert.Equal(
            new[] { app.ContosoTeams, app.ContosoSales, app.ContosoSharePointEnded }.Order(),
            page.Items.Select(e => e.AssociationId).Order());
    }

    [Fact]
    public async Task Earnings_GiveTheTenantOrSubscriptionToFindEachBy()
    {
        var partner = await app.PartnerAsync();

        var items = (await ApiFixture.OkAsync<Page<EarningResponse>>(await partner.GetAsync("/api/v1/associations/earnings"))).Items;

        var teams = items.Single(e => e.AssociationId == app.ContosoTeams);
        var sales = items.Single(e => e.AssociationId == app.ContosoSales);
        Assert.Equal((World.Tenant, (Guid?)null, UnitKind.Workload, ProgramIds.OsuMicrosoft365), (teams.TenantId, teams.SubscriptionId, teams.UnitKind, teams.ProgramId));
        Assert.Equal((World.Tenant, (Guid?)World.SalesSubscription, UnitKind.Subscription, ProgramIds.OsuBusinessApplications), (sales.TenantId, sales.SubscriptionId, sales.UnitKind, sales.ProgramId));
    }

    [Fact]
    public async Task Credit_OfAWorkload_IsActiveUserGrowthSinceTheMonthBeforeActivation()
    {
        var credit = (await EarningAsync(app.ContosoTeams)).Credit;

        // Official on 2026-03-10: baseline February (1030 active users), latest October (1110).
        Assert.Equal((CreditBasis.Usage, CreditMeasure.ActiveUsers), (credit.Basis, credit.Measure));
        Assert.Equal(("2026-02", 1030, "2026-10", 1110), (credit.BaselineMonth, credit.BaselineValue, credit.MeasuredMonth, credit.MeasuredValue));
        Assert.Equal((80, 0), (credit.ActiveUsageGrowth, credit.NewDeployments));
        Assert.False(credit.OutranksDigitalPartner);
    }

    [Fact]
    public async Task Credit_OfAnEndedAssociation_StopsAtItsEnd()
    {
        var credit = (await EarningAsync(app.ContosoSharePointEnded)).Credit;

        // Official 2026-01-10, ended 2026-06-20: December 3001 to June 3007.
        Assert.Equal(("2025-12", "2026-06", 6), (credit.BaselineMonth, credit.MeasuredMonth, credit.ActiveUsageGrowth));
    }

    [Fact]
    public async Task Credit_ClaimedPartnerOutranksTheDigitalPartnerOfRecord_WhoseIdentityOnlyReviewersSee()
    {
        var partnerView = (await EarningAsync(app.ContosoSales)).Credit;
        var reviewer = await app.ReviewerAsync();
        var reviewerView = (await ApiFixture.OkAsync<EligibilityResponse>(await reviewer.GetAsync($"/api/v1/associations/{app.ContosoSales}/eligibility"))).Credit;

        Assert.True(partnerView.OutranksDigitalPartner);
        Assert.Null(partnerView.DigitalPartnerOrgId);
        Assert.Equal(app.FabrikamId, reviewerView.DigitalPartnerOrgId);
        // Assigned seats: February 103, October 111.
        Assert.Equal((CreditMeasure.SeatsAssigned, 8), (partnerView.Measure, partnerView.ActiveUsageGrowth));
        Assert.Contains("claimed partner of record outranks it", partnerView.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credit_OfARevenueAssociation_IsNetNewPaidSeats()
    {
        var partner = await app.PartnerAsync();

        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await partner.GetAsync($"/api/v1/associations/{app.ContosoRevenue}/eligibility"));

        // Purchased seats 700 + 2i + 7: February 713, October 729.
        Assert.False(eligibility.Eligible);
        Assert.Equal((CreditBasis.Revenue, CreditMeasure.SeatsPurchased, 16, 0), (eligibility.Credit.Basis, eligibility.Credit.Measure, eligibility.Credit.NetNewSeats, eligibility.Credit.NetCustomerAdds));
    }

    [Fact]
    public async Task Earnings_OfAnotherOrganisation_NeverShowContosos()
    {
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);

        var page = await ApiFixture.OkAsync<Page<EarningResponse>>(await fabrikam.GetAsync("/api/v1/associations/earnings"));

        Assert.Equal(app.FabrikamAssociations.Order(), page.Items.Select(e => e.AssociationId).Order());
    }

    [Fact]
    public async Task Earnings_FilterAndPageLikeTheList()
    {
        var partner = await app.PartnerAsync();

        var first = await ApiFixture.OkAsync<Page<EarningResponse>>(await partner.GetAsync("/api/v1/associations/earnings?state=Active&limit=1"));
        var second = await ApiFixture.OkAsync<Page<EarningResponse>>(await partner.GetAsync($"/api/v1/associations/earnings?state=Active&limit=1&cursor={first.NextCursor}"));

        Assert.Equal(new[] { app.ContosoTeams, app.ContosoSales }.Order(), first.Items.Concat(second.Items).Select(e => e.AssociationId).Order());
        Assert.Null(second.NextCursor);
        await Problem.AssertAsync(await partner.GetAsync("/api/v1/associations/earnings?programId=nope"), HttpStatusCode.BadRequest, "filter_invalid", "programId");
    }

    private async Task<EarningResponse> EarningAsync(string associationId)
    {
        var partner = await app.PartnerAsync();
        var page = await ApiFixture.OkAsync<Page<EarningResponse>>(await partner.GetAsync("/api/v1/associations/earnings"));
        return page.Items.Single(e => e.AssociationId == associationId);
    }
}
