using Cpor.Domain;
using Cpor.Web.Tests.Features.Associations;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>The standard world plus a claim in each status a partner page shows differently, an official association with facts, and a holiday.</summary>
public sealed class LocalizationFixture : UiFixture
{
    public string DraftId { get; private set; } = "";

    public string SubmittedId { get; private set; } = "";

    public string InfoRequestedId { get; private set; } = "";

    public string RejectedId { get; private set; } = "";

    public string ActiveId { get; private set; } = "";

    /// <summary>The association of <see cref="ActiveId"/>, with a year of OneDrive facts to chart.</summary>
    public string ActiveAssociationId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var partner = await PartnerAsync();
        DraftId = (await CreateDraftAsync(partner, World.M365Claim("Draft claim", "teams"))).Id;
        await AttachAsync(partner, DraftId);
        SubmittedId = (await CreateSubmittedClaimAsync(partner, World.SalesClaim("Submitted claim"))).Id;
        InfoRequestedId = (await CreateSubmittedClaimAsync(partner, World.M365Claim("Claim waiting for the partner", "exchange-online"))).Id;
        await ReviewAsync(InfoRequestedId, (c, ctx) => c.StartReview(ctx));
        await ReviewAsync(InfoRequestedId, (c, ctx) => c.RequestInfo([InfoRequestReason.PoeMissing, InfoRequestReason.ProductsMissing], "Add the signed PoE.", ctx), "Add the signed PoE.");
        RejectedId = (await CreateRejectedClaimAsync(partner, World.M365Claim("Rejected claim", "sharepoint-online"))).Id;
        ActiveId = (await CreateSubmittedClaimAsync(partner, World.M365Claim("Active claim", "onedrive"))).Id;
        await ReviewAsync(ActiveId, (c, ctx) => c.StartReview(ctx));
        await ReviewAsync(ActiveId, (c, ctx) => c.Approve(7, "Fine.", ctx));
        await ReviewAsync(ActiveId, (c, ctx) => c.CompleteConsentWindow(ctx), at: Clock.Now.AddDays(8));
        await Officials.ImportAsync(this, [.. Officials.Usage(World.Tenant, "onedrive", null, "2025-11", 12, i => 1500 + (i * 25))]);
        ActiveAssociationId = await Officials.AssociationOfAsync(this, ActiveId);

        var admin = await AdminAsync();
        var holiday = await admin.PutAsync("/api/v1/admin/calendar/holidays", System.Net.Http.Json.JsonContent.Create(new { holidays = new[] { new { date = "2026-12-25", name = "Christmas" } } }));
        Assert.True(holiday.IsSuccessStatusCode);
    }
}
