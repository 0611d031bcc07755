using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Associations;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Associations;

/// <summary>CPOR.md §10: when a claim becomes Active it is evaluated against its program, in the same transaction.</summary>
public class EligibilityTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset ApprovedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ConsentWindowEnd_WritesTheVerdictInTheSameTransaction()
    {
        var claimId = await Officials.ApproveAsync(app, app.ContosoId, Officials.Workload(World.ContosoMpn, World.Tenant, World.Domain, "onedrive", "Rolled back"), ApprovedAt);
        var associationId = await Officials.AssociationOfAsync(app, claimId);

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CporDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var claim = await ClaimCommands.LoadAsync(db.Claims, claimId, CancellationToken.None);
            Assert.Null(claim!.CompleteConsentWindow(new TransitionContext(Actor.System, ApprovedAt.AddDays(7), BusinessCalendar.WeekendsOnly, new ClaimTimings())));
            await db.SaveChangesAsync();
            Assert.True(await db.AssociationEligibility.AnyAsync(e => e.AssociationId == associationId));
            await tx.RollbackAsync();
        }

        Assert.False(await app.WithDbAsync(db => db.AssociationEligibility.AnyAsync(e => e.AssociationId == associationId)));
        Assert.Equal(ClaimStatus.Approved, await app.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task ConsentWindowEnd_EnrolledMpnAndEnabledWorkload_IsEligible()
    {
        var id = await Officials.ActiveAsync(app, app.ContosoId, Officials.Workload(World.ContosoMpn, World.Tenant, World.Domain, "teams", "Eligible"), ApprovedAt.AddDays(7));
        var partner = await app.PartnerAsync();

        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await partner.GetAsync($"/api/v1/associations/{id}/eligibility"));

        Assert.True(eligibility.Eligible);
        Assert.Equal(ProgramIds.OsuMicrosoft365, eligibility.ProgramId);
        Assert.Empty(eligibility.Reasons);
        Assert.Equal(app.Clock.Now, eligibility.EvaluatedAt);
        Assert.Equal(CreditBasis.Usage, eligibility.Credit.Basis);
    }

    [Fact]
    public async Task MpnUnenrolledDuringTheConsentWindow_IsNotEligible_InThePartnersLanguage()
    {
        var admin = await app.AdminAsync();
        await ApiFixture.PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{app.ContosoId}/mpns", new { mpnId = "1000003", name = "Nice", programs = new[] { ProgramIds.OsuMicrosoft365 } });
        var claimId = await Officials.ApproveAsync(app, app.ContosoId, Officials.Workload("1000003", World.OtherTenant, World.OtherDomain, "exchange-online", "Unenrolled"), ApprovedAt);
        var unenrol = await admin.PutAsJsonAsync($"/api/v1/admin/partners/{app.ContosoId}/mpns/1000003", new { programs = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, unenrol.StatusCode);

        await Officials.ActivateAsync(app, claimId, ApprovedAt.AddDays(7));

        var id = await Officials.AssociationOfAsync(app, claimId);
        var english = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{id}/eligibility"));
        var french = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync("fr")).GetAsync($"/api/v1/associations/{id}/eligibility"));
        Assert.False(english.Eligible);
        var reason = Assert.Single(english.Reasons);
        Assert.Equal(EligibilityReasonCodes.MpnNotEnrolled, reason.Code);
        Assert.Equal("The MPN ID 1000003 is no longer enrolled in the program osu-m365.", reason.Detail);
        Assert.Equal("L’ID MPN 1000003 n’est plus inscrit au programme osu-m365.", Assert.Single(french.Reasons).Detail);
    }

    [Fact]
    public async Task SubscriptionMovedToCspAndDisabledBeforeActivation_IsNotEligible_WithBothReasons()
    {
        var claimId = await Officials.ApproveAsync(app, app.ContosoId,
            Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "dynamics-365-finance", World.FinanceSubscription2, "Finance"), ApprovedAt);
        await Officials.ImportAsync(app, Subscription(World.FinanceSubscription2, "dynamics-365-finance", "CSP", "Disabled"));

        await Officials.ActivateAsync(app, claimId, ApprovedAt.AddDays(7));

        var id = await Officials.AssociationOfAsync(app, claimId);
        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{id}/eligibility"));
        Assert.False(eligibility.Eligible);
        Assert.Equal([EligibilityReasonCodes.SubscriptionIsCsp, EligibilityReasonCodes.SubscriptionNotActive], eligibility.Reasons.Select(r => r.Code));
        Assert.Contains("Disabled", eligibility.Reasons[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verdict_IsEvaluatedAgain_WhenTheDirectorysFactsChange()
    {
        var subscription = Guid.NewGuid();
        await Officials.ImportAsync(app, Subscription(subscription, "dynamics-365-sales", "VolumeLicensing", "Active"));
        var id = await Officials.ActiveAsync(app, app.ContosoId,
            Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "dynamics-365-sales", subscription, "Sales re-evaluated"), ApprovedAt.AddDays(7));
        Assert.True((await EligibilityAsync(id)).Eligible);

        await Officials.ImportAsync(app, Subscription(subscription, "dynamics-365-sales", "CSP", "Active"));

        var eligibility = await EligibilityAsync(id);
        Assert.False(eligibility.Eligible);
        Assert.Equal(EligibilityReasonCodes.SubscriptionIsCsp, Assert.Single(eligibility.Reasons).Code);
        Assert.Equal(AssociationState.Active, (await app.WithDbAsync(db => db.Associations.SingleAsync(a => a.Id == id))).State);
    }

    [Fact]
    public async Task Verdict_IsEvaluatedAgain_WhenTheMpnIdsEnrolmentsChange()
    {
        var mpn = "4" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        var admin = await app.AdminAsync();
        await ApiFixture.PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{app.ContosoId}/mpns", new { mpnId = mpn, name = "Lyon", programs = new[] { "osu-m365" } });
        var tenant = await app.NewTenantAsync("teams");
        var id = await Officials.ActiveAsync(app, app.ContosoId, Officials.Workload(mpn, tenant.Id, tenant.Domain, "teams", "Enrolment re-evaluated"), ApprovedAt.AddDays(7));
        Assert.True((await EligibilityAsync(id)).Eligible);

        var changed = await admin.PutAsJsonAsync($"/api/v1/admin/partners/{app.ContosoId}/mpns/{mpn}", new { programs = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var eligibility = await EligibilityAsync(id);
        Assert.Equal(EligibilityReasonCodes.MpnNotEnrolled, Assert.Single(eligibility.Reasons).Code);
    }

    [Fact]
    public async Task Import_OfADeletedSubscription_EndsTheAssociationAtOnce_AndItsLastVerdictSaysWhy()
    {
        var subscription = Guid.NewGuid();
        await Officials.ImportAsync(app, Subscription(subscription, "dynamics-365-sales", "VolumeLicensing", "Active"));
        var id = await Officials.ActiveAsync(app, app.ContosoId,
            Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "dynamics-365-sales", subscription, "Sales deleted"), ApprovedAt.AddDays(7));

        await Officials.ImportAsync(app, Subscription(subscription, "dynamics-365-sales", "VolumeLicensing", "Deleted"));

        var association = await app.WithDbAsync(db => db.Associations.SingleAsync(a => a.Id == id));
        Assert.Equal((AssociationState.Ended, EndReason.SubscriptionEnded), (association.State, association.EndReason));
        var eligibility = await EligibilityAsync(id);
        Assert.False(eligibility.Eligible);
        Assert.Equal(EligibilityReasonCodes.SubscriptionNotActive, Assert.Single(eligibility.Reasons).Code);
    }

    private async Task<EligibilityResponse> EligibilityAsync(string associationId) =>
        await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{associationId}/eligibility"));

    [Theory]
    [InlineData("en", "A revenue association is attribution only: it counts for no incentive program and earns no payment.")]
    [InlineData("it", "Un’associazione di ricavi serve solo all’attribuzione: non rientra in alcun programma di incentivi e non dà diritto ad alcun pagamento.")]
    public async Task RevenueAssociation_IsNotEligible_NoIncentiveProgram(string language, string detail)
    {
        var id = await RevenueAssociationAsync();

        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync(language)).GetAsync($"/api/v1/associations/{id}/eligibility"));

        Assert.False(eligibility.Eligible);
        Assert.Null(eligibility.ProgramId);
        var reason = Assert.Single(eligibility.Reasons);
        Assert.Equal((EligibilityReasonCodes.NoIncentiveProgram, detail), (reason.Code, reason.Detail));
        Assert.Equal(CreditBasis.Revenue, eligibility.Credit.Basis);
    }

    [Fact]
    public async Task AssociationWithoutAVerdict_IsEvaluatedOnFirstRead()
    {
        var id = await Officials.ActiveAsync(app, app.ContosoId, Officials.Workload(World.ContosoMpn, World.OtherTenant, World.OtherDomain, "teams", "Before verdicts"), ApprovedAt.AddDays(7));
        // As if it had become Active before verdicts were written.
        await app.WithDbAsync(db => db.AssociationEligibility.Where(e => e.AssociationId == id).ExecuteDeleteAsync());

        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{id}/eligibility"));

        Assert.True(eligibility.Eligible);
        Assert.True(await app.WithDbAsync(db => db.AssociationEligibility.AnyAsync(e => e.AssociationId == id)));
    }

    [Fact]
    public async Task SubscriptionExpired_ReasonShowsTheDateInThePartnersCulture()
    {
        var endsAt = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
        var claimId = await Officials.ApproveAsync(app, app.ContosoId,
            Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "dynamics-365-finance", World.FinanceSubscription1, "Expiring", "PreSales"), ApprovedAt);
        await Officials.ImportAsync(app, Subscription(World.FinanceSubscription1, "dynamics-365-finance", "VolumeLicensing", "Active", endsAt));
        await Officials.ActivateAsync(app, claimId, ApprovedAt.AddDays(7));

        var id = await Officials.AssociationOfAsync(app, claimId);
        var eligibility = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync("fr")).GetAsync($"/api/v1/associations/{id}/eligibility"));

        var reason = Assert.Single(eligibility.Reasons);
        Assert.Equal(EligibilityReasonCodes.SubscriptionExpired, reason.Code);
        Assert.Equal($"L’abonnement a pris fin le {endsAt.UtcDateTime.ToString("d", CultureInfo.GetCultureInfo("fr"))}.", reason.Detail);
        Assert.Equal(CreditBasis.None, eligibility.Credit.Basis);
    }

    private async Task<string> RevenueAssociationAsync()
    {
        var existing = await app.WithDbAsync(db => db.Associations.Where(a => a.Activity == Activity.RevenueAssociation).Select(a => a.Id).FirstOrDefaultAsync());
        return existing ?? await Officials.ActiveAsync(app, app.ContosoId,
            Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "power-bi-pro", World.GraceSubscription, "Revenue", "RevenueAssociation"), ApprovedAt.AddDays(7));
    }

    private static object Subscription(Guid id, string productId, string channel, string state, DateTimeOffset? endsAt = null) => new
    {
        type = "subscription", subscriptionId = id, tenantId = World.Tenant, productId, channel, state, provisioned = true,
        seatsPurchased = 100, seatsAssigned = 80, endsAt,
    };
}
