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
    public static readonly DateTimeOffset ActiveFrom = ContosoOfficials.ActiveFrom;
    public static readonly DateTimeOffset EndedAt = ContosoOfficials.EndedAt;

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
        await Officials.ImportAsync(this, [.. ContosoOfficials.Facts(FabrikamId)]);
        (ContosoTeams, ContosoSales, ContosoRevenue, ContosoSharePointEnded, ContosoOneDriveApproved) = await ContosoOfficials.CreateAsync(this);
        FabrikamExchange = await Officials.ActiveAsync(this, FabrikamId, Officials.Workload(World.FabrikamMpn, World.Tenant, World.Domain, "exchange-online", "Fabrikam Exchange"), ActiveFrom);
    }
}
