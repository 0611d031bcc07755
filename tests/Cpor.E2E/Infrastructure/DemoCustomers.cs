using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.E2E.Infrastructure;

/// <summary>Picks customers of the demo directory for a test, each untouched by the demo claims and by the other tests.</summary>
public static class DemoCustomers
{
    /// <summary>A tenant with an enabled Microsoft 365 workload; <paramref name="index"/> keeps tests apart.</summary>
    public static Task<DemoCustomer> Microsoft365Async(BrowserApp app, int index) => app.WithDbAsync(async db =>
    {
        var tenant = (await UnclaimedAsync(db).Where(t => t.Workloads.Count > 0).ToListAsync()).OrderBy(t => t.Id).ElementAt(index);
        var workload = tenant.Workloads.OrderBy(w => w.ProductId, StringComparer.Ordinal).First().ProductId;
        var product = await db.Products.SingleAsync(p => p.Id == workload);
        return new DemoCustomer(tenant.Id.ToString("D"), tenant.Name, tenant.Domains.OrderBy(d => d.Domain, StringComparer.Ordinal).First().Domain, product.Name, null);
    });

    /// <summary>A tenant with a Dynamics 365 product claimable through several subscriptions (one when none has several).</summary>
    public static Task<DemoCustomer> Dynamics365Async(BrowserApp app, int index) => app.WithDbAsync(async db =>
    {
        var unclaimed = await UnclaimedAsync(db).Select(t => t.Id).ToListAsync();
        var claimable = await db.Subscriptions
            .Where(s => unclaimed.Contains(s.TenantId) && s.ProductId.StartsWith("dynamics-365-") && s.Channel != SubscriptionChannel.CSP && s.Provisioned
                && (s.State == SubscriptionState.Active || s.State == SubscriptionState.Grace))
            .ToListAsync();
        var pick = claimable.GroupBy(s => (s.TenantId, s.ProductId))
            .OrderByDescending(g => g.Count() > 1).ThenBy(g => g.Key.TenantId).ThenBy(g => g.Key.ProductId, StringComparer.Ordinal)
            .ElementAt(index);
        var tenant = await db.Tenants.Include(t => t.Domains).SingleAsync(t => t.Id == pick.Key.TenantId);
        var product = await db.Products.SingleAsync(p => p.Id == pick.Key.ProductId);
        return new DemoCustomer(
            tenant.Id.ToString("D"), tenant.Name, tenant.Domains.OrderBy(d => d.Domain, StringComparer.Ordinal).First().Domain, product.Name,
            pick.OrderBy(s => s.Id).Last().Id.ToString("D"));
    });

    public static Task<string> ProgramNameAsync(BrowserApp app, string programId) =>
        app.WithDbAsync(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Name).SingleAsync());

    private static IQueryable<Tenant> UnclaimedAsync(CporDb db) =>
        db.Tenants.Include(t => t.Domains).Include(t => t.Workloads).Where(t => !db.Claims.Any(c => c.TenantId == t.Id));
}
