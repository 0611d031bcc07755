using Cpor.Domain;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Review;

/// <summary>
/// The deadlines each stage stores when the claim enters it, on the business calendar: the
/// holidays of this class's calendar are Wednesday 18 and Friday 27 November 2026.
/// </summary>
public class DeadlineTests(ApiFixture app) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        var admin = await app.AdminAsync();
        var response = await admin.PutAsync("/api/v1/admin/calendar/holidays", System.Net.Http.Json.JsonContent.Create(new
        {
            holidays = new[] { new { date = "2026-11-18", name = "Company day" }, new { date = "2026-11-27", name = "Bridge" } },
        }));
        response.EnsureSuccessStatusCode();
        app.Clock.Set(FakeClock.DefaultStart);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submit_OnMonday_IsDueAfterFiveBusinessDays_SkippingTheHoliday()
    {
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Holiday SLA"));

        // Tue 17, Thu 19, Fri 20, Mon 23, Tue 24 (Wed 18 is a holiday).
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), claim.DueAt);
        Assert.False(claim.Overdue);
    }

    [Fact]
    public async Task Overdue_TurnsTrueOnlyAfterTheDueMoment()
    {
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Overdue flag"));
        var reviewer = await app.ReviewerAsync();

        app.Clock.Set(claim.DueAt!.Value);
        var atDue = await app.GetClaimAsync(reviewer, claim.Id);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterDue = await app.GetClaimAsync(reviewer, claim.Id);

        Assert.False(atDue.Overdue);
        Assert.True(afterDue.Overdue);
    }

    [Fact]
    public async Task RequestInfo_OnThursday_GivesThePartnerFiveBusinessDays_AcrossTheWeekendAndTheHoliday()
    {
        var claim = await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Holiday answer"));
        app.Clock.Set(new DateTimeOffset(2026, 11, 19, 15, 30, 0, TimeSpan.Zero));

        var asked = await (await app.ReviewerAsync()).RequestInfoAsync(claim.Id, ["ProductsMissing"]);

        // Fri 20, Mon 23, Tue 24, Wed 25, Thu 26 (Fri 27 would be next, a holiday).
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.Zero), asked.DueAt);
    }

    [Fact]
    public async Task StartReview_OnSaturday_CountsFromMondayMorning()
    {
        var claim = await app.CreateSubmittedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Weekend review"));
        app.Clock.Set(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero));

        var started = await (await app.ReviewerAsync()).StartReviewAsync(claim.Id);

        // Mon 23 00:00 + five business days: Tue 24, Wed 25, Thu 26, Mon 30, Tue 1 (Fri 27 is a holiday).
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), started.DueAt);
    }

    [Fact]
    public async Task ConsentAndDisputeWindows_AreCalendarDays_WhateverTheHolidays()
    {
        var partner = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Calendar days", "teams"));
        var rejected = await (await app.ReviewerAsync()).RejectAsync((await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Rejected", "onedrive"))).Id);

        Assert.Equal(app.Clock.Now.AddDays(7), approved.ConsentEndsAt);
        Assert.Equal(app.Clock.Now.AddDays(30), rejected.DisputeWindowEndsAt);
        Assert.Null(rejected.DueAt);
        Assert.Equal(ClaimStatus.Rejected, rejected.Status);
    }

    [Fact]
    public async Task Approve_UsesTheProgramsConsentWindow_AndRevenueAssociationTheDefault()
    {
        var partner = await app.PartnerAsync();
        await app.WithDbAsync(async db =>
        {
            var program = await db.Programs.FindAsync("osu-bizapps");
            program!.ConsentWindowDays = 10;
            return await db.SaveChangesAsync();
        });
        var usage = World.SalesClaim("Ten-day window");
        var revenue = World.SalesClaim("Revenue default window");
        revenue["activity"] = "RevenueAssociation";
        revenue["revenueAssociation"] = new { solutionSellerName = "Seller", customerName = "Customer Ltd", isvProductName = "ISV app" };

        var usageApproved = await app.ApprovedClaimAsync(partner, usage);
        var revenueApproved = await app.ApprovedClaimAsync(partner, revenue);

        Assert.Equal(app.Clock.Now.AddDays(10), usageApproved.ConsentEndsAt);
        Assert.Equal(app.Clock.Now.AddDays(7), revenueApproved.ConsentEndsAt);
        Assert.Null(revenueApproved.ProgramId);
    }
}
