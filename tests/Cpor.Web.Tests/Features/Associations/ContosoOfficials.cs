using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Associations;

/// <summary>
/// The official associations of Contoso on the standard tenant that the association fixtures (API
/// and pages) start from: Teams (Active), the Sales subscription (Active, Fabrikam its digital
/// partner of record), Power BI revenue (Active, not eligible: no program), SharePoint (Active from
/// 2026-01-10, ended 2026-06-20) and OneDrive (still Approved).
/// </summary>
public sealed record ContosoOfficials(string Teams, string Sales, string Revenue, string SharePointEnded, string OneDriveApproved)
{
    public static readonly DateTimeOffset ActiveFrom = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EndedAt = new(2026, 6, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Twelve months of facts (2025-11 to 2026-10) on the units these associations and Fabrikam's
    /// Exchange hold, whose values say which unit they belong to, and the digital partner link.
    /// </summary>
    public static IEnumerable<object> Facts(string fabrikamId) =>
    [
        .. Officials.Usage(World.Tenant, "teams", null, "2025-11", 12, i => 1000 + (i * 10)),
        .. Officials.Usage(World.Tenant, "exchange-online", null, "2025-11", 12, i => 2000 + i),
        .. Officials.Usage(World.Tenant, "sharepoint-online", null, "2025-11", 12, i => 3000 + i),
        .. Officials.Usage(World.Tenant, "dynamics-365-sales", World.SalesSubscription, "2025-11", 12, i => 100 + i),
        .. Officials.Usage(World.Tenant, "power-bi-pro", World.GraceSubscription, "2025-11", 12, i => 700 + (i * 2)),
        new { type = "dpor", subscriptionId = World.SalesSubscription, partnerOrgId = fabrikamId },
    ];

    /// <summary>Creates the associations, each through the claim's lifecycle, in this order.</summary>
    public static async Task<ContosoOfficials> CreateAsync(ApiFixture app)
    {
        var contoso = World.ContosoMpn;
        var teams = await Officials.ActiveAsync(app, app.ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "teams", "Teams rollout"), ActiveFrom);
        var sales = await Officials.ActiveAsync(app, app.ContosoId, Officials.Subscription(contoso, World.Tenant, World.Domain, "dynamics-365-sales", World.SalesSubscription, "Sales usage"), ActiveFrom);
        var revenue = await Officials.ActiveAsync(app, app.ContosoId, Officials.Subscription(contoso, World.Tenant, World.Domain, "power-bi-pro", World.GraceSubscription, "Power BI revenue", "RevenueAssociation"), ActiveFrom);
        var sharePoint = await Officials.ActiveAsync(app, app.ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "sharepoint-online", "SharePoint intranet"), new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await Officials.EndAsync(app, await Officials.ClaimOfAsync(app, sharePoint), EndedAt);
        var oneDrive = await Officials.AssociationOfAsync(app,
            await Officials.ApproveAsync(app, app.ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "onedrive", "OneDrive"), app.Clock.Now.AddDays(-2)));
        return new ContosoOfficials(teams, sales, revenue, sharePoint, oneDrive);
    }
}
