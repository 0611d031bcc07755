using Cpor.Web.Tests.Features.Associations;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>
/// The standard world for the association pages: official associations of Contoso — a workload, a
/// subscription another organisation is digital partner of record of, a revenue association (not
/// eligible) and an ended one — one of Fabrikam's on the same tenant, one still Approved, and twelve
/// months of facts (2025-11 to 2026-10) whose values say which unit they belong to.
/// </summary>
public sealed class AssociationPagesFixture : UiFixture
{
    public static readonly DateTimeOffset ActiveFrom = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset EndedAt = new(2026, 6, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Contoso, Active: Teams (active users 1000 + 10 per month, enabled 5 more).</summary>
    public string ContosoTeams { get; private set; } = "";

    /// <summary>Contoso, Active: the Sales subscription (seats purchased 107 +1, assigned 100 +1 per month); Fabrikam is its digital partner of record.</summary>
    public string ContosoSales { get; private set; } = "";

    /// <summary>Contoso, Active: revenue association on Power BI — no program, so not eligible.</summary>
    public string ContosoRevenue { get; private set; } = "";

    /// <summary>Contoso, Active from 2026-01-10, ended 2026-06-20: SharePoint (3000 + 1 per month).</summary>
    public string ContosoSharePointEnded { get; private set; } = "";

    /// <summary>Contoso, still Approved: OneDrive.</summary>
    public string ContosoOneDriveApproved { get; private set; } = "";

    /// <summary>Fabrikam, Active: Exchange on the same tenant.</summary>
    public string FabrikamExchange { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Officials.ImportAsync(this,
        [
            .. Officials.Usage(World.Tenant, "teams", null, "2025-11", 12, i => 1000 + (i * 10)),
            .. Officials.Usage(World.Tenant, "exchange-online", null, "2025-11", 12, i => 2000 + i),
            .. Officials.Usage(World.Tenant, "sharepoint-online", null, "2025-11", 12, i => 3000 + i),
            .. Officials.Usage(World.Tenant, "dynamics-365-sales", World.SalesSubscription, "2025-11", 12, i => 100 + i),
            .. Officials.Usage(World.Tenant, "power-bi-pro", World.GraceSubscription, "2025-11", 12, i => 700 + (i * 2)),
            new { type = "dpor", subscriptionId = World.SalesSubscription, partnerOrgId = FabrikamId },
        ]);

        var contoso = World.ContosoMpn;
        ContosoTeams = await Officials.ActiveAsync(this, ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "teams", "Teams rollout"), ActiveFrom);
        ContosoSales = await Officials.ActiveAsync(this, ContosoId, Officials.Subscription(contoso, World.Tenant, World.Domain, "dynamics-365-sales", World.SalesSubscription, "Sales usage"), ActiveFrom);
        ContosoRevenue = await Officials.ActiveAsync(this, ContosoId, Officials.Subscription(contoso, World.Tenant, World.Domain, "power-bi-pro", World.GraceSubscription, "Power BI revenue", "RevenueAssociation"), ActiveFrom);
        ContosoSharePointEnded = await Officials.ActiveAsync(this, ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "sharepoint-online", "SharePoint intranet"), new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await Officials.EndAsync(this, await Officials.ClaimOfAsync(this, ContosoSharePointEnded), EndedAt);
        ContosoOneDriveApproved = await Officials.AssociationOfAsync(this,
            await Officials.ApproveAsync(this, ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "onedrive", "OneDrive"), Clock.Now.AddDays(-2)));
        FabrikamExchange = await Officials.ActiveAsync(this, FabrikamId, Officials.Workload(World.FabrikamMpn, World.Tenant, World.Domain, "exchange-online", "Fabrikam Exchange"), ActiveFrom);
    }
}
