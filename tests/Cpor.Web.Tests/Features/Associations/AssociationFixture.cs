using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Associations;

/// <summary>
/// The standard world plus official associations of both organisations on neighbouring units —
/// same tenant other workload, same tenant other subscription, other tenant same workload — and
/// twelve months of facts (2025-11 to 2026-10) whose values say which unit they belong to, so any
/// leak shows.
/// </summary>
public sealed class AssociationFixture : ApiFixture
{
    public static readonly DateTimeOffset ActiveFrom = ContosoOfficials.ActiveFrom;
    public static readonly DateTimeOffset EndedAt = ContosoOfficials.EndedAt;

    /// <summary>Contoso, Active: Teams on the tenant (active users 1000 + 10 per month).</summary>
    public string ContosoTeams { get; private set; } = "";

    /// <summary>Contoso, Active: the Sales subscription (usage), which Fabrikam is digital partner of record of.</summary>
    public string ContosoSales { get; private set; } = "";

    /// <summary>Contoso, Active from 2026-01-10 to 2026-06-20: SharePoint.</summary>
    public string ContosoSharePointEnded { get; private set; } = "";

    /// <summary>Contoso, Active: revenue association on the Power BI subscription (not eligible: no program).</summary>
    public string ContosoRevenue { get; private set; } = "";

    /// <summary>Contoso, still Approved (consent window open): OneDrive.</summary>
    public string ContosoOneDriveApproved { get; private set; } = "";

    /// <summary>Contoso, Cancelled (the customer opted out): Exchange.</summary>
    public string ContosoExchangeCancelled { get; private set; } = "";

    /// <summary>Fabrikam, Active: Exchange on the same tenant (another workload).</summary>
    public string FabrikamExchange { get; private set; } = "";

    /// <summary>Fabrikam, Active: Finance subscription on the same tenant (another subscription).</summary>
    public string FabrikamFinance { get; private set; } = "";

    /// <summary>Fabrikam, Active: Teams on the other tenant (same workload, another tenant).</summary>
    public string FabrikamOtherTenantTeams { get; private set; } = "";

    /// <summary>Fabrikam, Active: Sales subscription of the other tenant.</summary>
    public string FabrikamOtherTenantSales { get; private set; } = "";

    public IReadOnlyList<string> FabrikamAssociations => [FabrikamExchange, FabrikamFinance, FabrikamOtherTenantTeams, FabrikamOtherTenantSales];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Officials.ImportAsync(this,
        [
            .. ContosoOfficials.Facts(FabrikamId),
            .. Officials.Usage(World.Tenant, "onedrive", null, "2025-11", 12, i => 4000 + i),
            .. Officials.Usage(World.OtherTenant, "teams", null, "2025-11", 12, i => 5000 + i),
            .. Officials.Usage(World.OtherTenant, "exchange-online", null, "2025-11", 12, i => 6000 + i),
            .. Officials.Usage(World.Tenant, "dynamics-365-finance", World.FinanceSubscription1, "2025-11", 12, i => 300 + i),
            .. Officials.Usage(World.OtherTenant, "dynamics-365-sales", World.OtherTenantSubscription, "2025-11", 12, i => 500 + i),
        ]);

        (ContosoTeams, ContosoSales, ContosoRevenue, ContosoSharePointEnded, ContosoOneDriveApproved) = await ContosoOfficials.CreateAsync(this);
        var contoso = World.ContosoMpn;
        var fabrikam = World.FabrikamMpn;
        var cancelled = await Officials.ApproveAsync(this, ContosoId, Officials.Workload(contoso, World.Tenant, World.Domain, "exchange-online", "Exchange"), Clock.Now.AddDays(-20));
        await Officials.OptOutAsync(this, cancelled, Clock.Now.AddDays(-18));
        ContosoExchangeCancelled = await Officials.AssociationOfAsync(this, cancelled);

        FabrikamExchange = await Officials.ActiveAsync(this, FabrikamId, Officials.Workload(fabrikam, World.Tenant, World.Domain, "exchange-online", "F Exchange"), ActiveFrom);
        FabrikamFinance = await Officials.ActiveAsync(this, FabrikamId, Officials.Subscription(fabrikam, World.Tenant, World.Domain, "dynamics-365-finance", World.FinanceSubscription1, "F Finance"), ActiveFrom);
        FabrikamOtherTenantTeams = await Officials.ActiveAsync(this, FabrikamId, Officials.Workload(fabrikam, World.OtherTenant, World.OtherDomain, "teams", "F Teams"), ActiveFrom);
        FabrikamOtherTenantSales = await Officials.ActiveAsync(this, FabrikamId, Officials.Subscription(fabrikam, World.OtherTenant, World.OtherDomain, "dynamics-365-sales", World.OtherTenantSubscription, "F Sales"), ActiveFrom);
    }
}
