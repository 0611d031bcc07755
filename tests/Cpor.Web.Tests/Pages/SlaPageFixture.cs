using Cpor.Domain;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>The standard world plus two claims submitted on Monday 9 November 2026 and decided one and two business days later.</summary>
public sealed class SlaPageFixture : UiFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = Clock.Now;
        var monday = now.AddDays(-7);
        Clock.Set(monday);
        var partner = await PartnerAsync();
        var quick = await CreateSubmittedClaimAsync(partner, World.M365Claim("Decided in a day", "teams"));
        var slow = await CreateSubmittedClaimAsync(partner, World.M365Claim("Decided in two days", "onedrive"));
        Clock.Set(now);
        await ReviewAsync(quick.Id, (c, ctx) => c.StartReview(ctx), at: monday.AddHours(1));
        await ReviewAsync(quick.Id, (c, ctx) => c.Approve(7, null, ctx), at: monday.AddDays(1));
        await ReviewAsync(slow.Id, (c, ctx) => c.StartReview(ctx), at: monday.AddHours(1));
        await ReviewAsync(slow.Id, (c, ctx) => c.Reject(RejectionReason.InsufficientPoe, "No proof.", ctx), at: monday.AddDays(2));
    }
}
