using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Review;

public class SlaReportTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Monday = FakeClock.DefaultStart; // 16 November 2026, 09:00 UTC

    [Fact]
    public async Task Report_GivesMedianAndP90BusinessHoursToDecision_WithoutThePartnersTime_AndOverduePerStage()
    {
        var (partner, reviewer) = (await app.PartnerAsync(), await app.ReviewerAsync());
        var tenant = await app.NewTenantAsync();
        At(Monday);
        var quick = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Decided in a day", "teams"));
        var asked = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Waited for the partner", "onedrive"));
        var forgotten = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Never started", "exchange-online"));
        At(Monday.AddHours(3));
        await reviewer.RequestInfoAsync(asked.Id, ["PoeMissing"]);
        At(Monday.AddDays(1));
        await reviewer.ApproveAsync(quick.Id); // 24 business hours
        At(Monday.AddDays(2).AddHours(3));
        await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{asked.Id}/submit", new { }); // 48 hours with the partner
        await reviewer.StartReviewAsync(asked.Id);
        At(Monday.AddDays(3).AddHours(3));
        await reviewer.RejectAsync(asked.Id); // 75 hours, 27 without the partner's 48
        At(Monday.AddDays(4).AddHours(7)); // Friday 16:00
        var weekend = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Over the weekend", "sharepoint-online"));
        At(Monday.AddDays(7).AddHours(1)); // Monday 10:00
        await reviewer.ApproveAsync(weekend.Id); // 8 + 10 = 18 business hours
        At(Monday.AddDays(8).AddHours(3));

        var report = await ApiFixture.OkAsync<SlaReportResponse>(await reviewer.GetAsync("/api/v1/review/sla?from=2026-11-16&to=2026-11-30"));

        Assert.Equal((3, 24.0, 26.4, 240.0, 3), (report.TimeToDecision.Count, report.TimeToDecision.MedianBusinessHours, report.TimeToDecision.P90BusinessHours, report.TimeToDecision.TargetBusinessHours, report.TimeToDecision.WithinTarget));
        Assert.Equal((2, 1, 1, 0), (report.SubmittedClaimsPerStatus[ClaimStatus.Approved], report.SubmittedClaimsPerStatus[ClaimStatus.Rejected], report.SubmittedClaimsPerStatus[ClaimStatus.Submitted], report.SubmittedClaimsPerStatus[ClaimStatus.InReview]));
        Assert.Equal(new StageOverdue(ClaimStatus.Submitted, 1, 1), report.OverduePerStage.Single(s => s.Status == ClaimStatus.Submitted));
        Assert.Equal(new StageOverdue(ClaimStatus.InReview, 0, 0), report.OverduePerStage.Single(s => s.Status == ClaimStatus.InReview));
        Assert.Equal(forgotten.Id, (await app.GetClaimAsync(reviewer, forgotten.Id)).Id);

        var before = await ApiFixture.OkAsync<SlaReportResponse>(await reviewer.GetAsync("/api/v1/review/sla?from=2026-11-01&to=2026-11-16"));
        Assert.Equal((0, (double?)null), (before.TimeToDecision.Count, before.TimeToDecision.MedianBusinessHours));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    public async Task Report_WithABadPeriod_Is400FilterInvalid(string query, string field)
    {
        var response = await (await app.ReviewerAsync()).GetAsync("/api/v1/review/sla?" + query);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, ErrorCodes.FilterInvalid, field);
    }

    [Fact]
    public async Task Report_ForAPartner_IsForbidden()
    {
        var response = await (await app.PartnerAsync()).GetAsync("/api/v1/review/sla");

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    private void At(DateTimeOffset moment) => app.Clock.Set(moment);
}
