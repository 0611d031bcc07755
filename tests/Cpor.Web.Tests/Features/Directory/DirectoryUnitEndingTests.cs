using System.Text.Json;
using Cpor.Domain;
using Cpor.Web.Tests.Features.Associations;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Directory;

/// <summary>CPOR.md §9: when the directory says a unit is gone, that unit's association ends at the import, and only that one.</summary>
public class DirectoryUnitEndingTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset ActiveFrom = new(2026, 11, 9, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Import_OfATenantWithoutOneClaimedWorkload_EndsThatUnitWorkloadRemoved_TheClaimKeepsTheOther()
    {
        var tenant = await app.NewTenantAsync("teams", "onedrive");
        var input = Officials.Workload(World.ContosoMpn, tenant.Id, tenant.Domain, "teams", "Teams and OneDrive") with
        {
            Products = [new ProductInput("teams", null), new ProductInput("onedrive", null)],
        };
        var claimId = await Officials.ApproveAsync(app, app.ContosoId, input, ActiveFrom.AddDays(-7));
        await Officials.ActivateAsync(app, claimId, ActiveFrom);

        await app.ImportAsync(TenantLine(tenant, "teams"));

        var claim = await app.GetClaimAsync(await app.PartnerAsync(), claimId);
        Assert.Equal(ClaimStatus.Active, claim.Status);
        var byProduct = claim.Associations.ToDictionary(a => a.ProductId);
        Assert.Equal((AssociationState.Ended, EndReason.WorkloadRemoved), (byProduct["onedrive"].State, byProduct["onedrive"].EndReason));
        Assert.Equal(AssociationState.Active, byProduct["teams"].State);
        var verdict = await app.WithDbAsync(db => db.AssociationEligibility.SingleAsync(e => e.AssociationId == byProduct["onedrive"].Id));
        Assert.Equal((false, EligibilityReasonCodes.WorkloadNotEnabled), (verdict.Eligible, Assert.Single(verdict.Reasons).Code));
    }

    [Fact]
    public async Task Import_OfADisabledSubscription_EndsThatSubscriptionsUnitOnly_SubscriptionEnded()
    {
        var (sales, finance) = (Guid.NewGuid(), Guid.NewGuid());
        await Officials.ImportAsync(app, Subscription(sales, "dynamics-365-sales", "Active"), Subscription(finance, "dynamics-365-finance", "Active"));
        var input = Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "dynamics-365-sales", sales, "Two subscriptions") with
        {
            Products = [new ProductInput("dynamics-365-sales", sales.ToString()), new ProductInput("dynamics-365-finance", finance.ToString())],
        };
        var claimId = await Officials.ApproveAsync(app, app.ContosoId, input, ActiveFrom.AddDays(-7));
        await Officials.ActivateAsync(app, claimId, ActiveFrom);

        await Officials.ImportAsync(app, Subscription(finance, "dynamics-365-finance", "Disabled"));

        var claim = await app.GetClaimAsync(await app.PartnerAsync(), claimId);
        Assert.Equal(ClaimStatus.Active, claim.Status);
        var bySubscription = claim.Associations.ToDictionary(a => a.SubscriptionId!.Value);
        Assert.Equal((AssociationState.Ended, EndReason.SubscriptionEnded), (bySubscription[finance].State, bySubscription[finance].EndReason));
        Assert.Equal(AssociationState.Active, bySubscription[sales].State);
    }

    [Fact]
    public async Task DryRun_OfADisabledSubscription_EndsNothing()
    {
        var subscription = Guid.NewGuid();
        await Officials.ImportAsync(app, Subscription(subscription, "dynamics-365-sales", "Active"));
        var claimId = await Officials.ApproveAsync(app, app.ContosoId,
            Officials.Subscription(World.ContosoMpn, World.Tenant, World.Domain, "dynamics-365-sales", subscription, "Dry run"), ActiveFrom.AddDays(-7));
        await Officials.ActivateAsync(app, claimId, ActiveFrom);
        var admin = await app.AdminAsync();

        var response = await admin.PostAsync("/api/v1/admin/directory/import?dryRun=true",
            new StringContent(JsonSerializer.Serialize(Subscription(subscription, "dynamics-365-sales", "Disabled")), System.Text.Encoding.UTF8, "application/x-ndjson"));
        response.EnsureSuccessStatusCode();

        Assert.Equal(ClaimStatus.Active, (await app.GetClaimAsync(await app.PartnerAsync(), claimId)).Status);
    }

    private static string TenantLine(TestTenant tenant, params string[] workloads) => JsonSerializer.Serialize(new
    {
        type = "tenant", tenantId = tenant.Id, name = tenant.Name, country = "FR", domains = new[] { tenant.Domain }, workloads,
    });

    private static object Subscription(Guid id, string productId, string state) => new
    {
        type = "subscription", subscriptionId = id, tenantId = World.Tenant, productId, channel = "VolumeLicensing", state, provisioned = true,
        seatsPurchased = 10, seatsAssigned = 5,
    };
}
