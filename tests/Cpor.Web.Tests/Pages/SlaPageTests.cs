using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Cpor.Domain;
using Cpor.Web.Features.Review;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>The reviewers' SLA page: the API's report over days, its last day included, as charts and tables.</summary>
public class SlaPageTests(SlaPageFixture app) : IClassFixture<SlaPageFixture>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public async Task Sla_ShowsTheSameNumbersAsTheApiForTheSamePeriod()
    {
        var reviewer = await app.BrowserAsync(World.Reviewer);
        var api = await ApiFixture.OkAsync<SlaReportResponse>(await (await app.ReviewerAsync()).GetAsync("/api/v1/review/sla?from=2026-11-01&to=2026-12-01"));

        // The page's last day is included: up to 30 November is the API's [1 November, 1 December).
        var page = await reviewer.GetPageAsync("/Review/Sla?from=2026-11-01&to=2026-11-30");

        Assert.True(api.TimeToDecision.Count >= 2, "the test needs decisions to compare");
        foreach (var (status, count) in api.SubmittedClaimsPerStatus.Where(s => s.Key != ClaimStatus.Draft))
        {
            Assert.Equal(count.ToString("N0", CultureInfo.InvariantCulture), page.QuerySelector($"td[data-status={status}]")?.TextContent);
        }

        Assert.Equal(api.SubmittedClaimsPerStatus.Values.Sum().ToString("N0", CultureInfo.InvariantCulture), page.QuerySelector(".sla-table tfoot td")?.TextContent);
        foreach (var stage in api.OverduePerStage)
        {
            var cells = page.QuerySelectorAll($"tr[data-stage={stage.Status}] td").Select(td => td.TextContent).ToArray();
            Assert.Equal([stage.Open.ToString(CultureInfo.InvariantCulture), stage.Overdue.ToString(CultureInfo.InvariantCulture)], cells);
        }

        var times = api.TimeToDecision;
        Assert.Equal(times.Count.ToString(CultureInfo.InvariantCulture), Value(page, "count"));
        Assert.StartsWith(times.MedianBusinessHours!.Value.ToString("N1", CultureInfo.InvariantCulture) + " business hours", Value(page, "median"), StringComparison.Ordinal);
        Assert.StartsWith(times.P90BusinessHours!.Value.ToString("N1", CultureInfo.InvariantCulture) + " business hours", Value(page, "p90"), StringComparison.Ordinal);
        Assert.StartsWith(times.TargetBusinessHours.ToString("N1", CultureInfo.InvariantCulture) + " business hours", Value(page, "target"), StringComparison.Ordinal);
        Assert.StartsWith($"{times.WithinTarget} of {times.Count}", Value(page, "withinTarget"), StringComparison.Ordinal);
        Assert.Equal(("2026-11-01", "2026-11-30"), (page.QuerySelector("#sla-from")?.GetAttribute("value"), page.QuerySelector("#sla-to")?.GetAttribute("value")));
    }

    [Fact]
    public async Task Sla_OneDay_IncludesTheClaimsSubmittedThatDay()
    {
        var partner = await app.PartnerAsync();
        await using var claim = new TemporaryClaim(partner, await app.CreateSubmittedClaimAsync(partner, World.M365Claim("Submitted on the day", "exchange-online")));
        var day = app.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var reviewer = await app.BrowserAsync(World.Reviewer);

        var page = await reviewer.GetPageAsync($"/Review/Sla?from={day}&to={day}");

        Assert.Equal("1", page.QuerySelector($"td[data-status={ClaimStatus.Submitted}]")?.TextContent);
    }

    [Fact]
    public async Task Sla_InFrench_DrawsThreeBarChartsWithFrenchLabelsAndNumbers()
    {
        var reviewer = await app.BrowserAsync(World.Reviewer);
        var api = await ApiFixture.OkAsync<SlaReportResponse>(await (await app.ReviewerAsync()).GetAsync("/api/v1/review/sla?from=2026-11-01&to=2026-12-01"));

        var page = await reviewer.GetPageAsync("/Review/Sla?from=2026-11-01&to=2026-11-30", "fr");

        var charts = page.QuerySelectorAll("figure.chart svg.cpor-bar-chart");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, c => Assert.Equal("img", c.GetAttribute("role")));
        var statuses = Texts(charts[0]);
        Assert.Contains("Approuvée", statuses);
        Assert.Contains("Revendications", statuses);
        Assert.Contains("Ouvertes", Texts(charts[1]));
        Assert.Contains("En retard", Texts(charts[1]));
        var times = Texts(charts[2]);
        Assert.Contains("Heures ouvrées", times);
        Assert.Contains(api.TimeToDecision.MedianBusinessHours!.Value.ToString("N1", French), times);
        Assert.Contains($"Objectif : {api.TimeToDecision.TargetBusinessHours.ToString("N1", French)} heures ouvrées", times);
        Assert.Contains("1 novembre 2026", charts[0].QuerySelector("desc")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-12-01&to=2026-11-01", "sla-from", "2026-12-01")]
    [InlineData("from=2020-01-01&to=2026-01-01", "sla-to", "2026-01-01")]
    [InlineData("from=yesterday", "sla-from", "yesterday")]
    public async Task Sla_WithABadPeriod_Is422WithTheErrorNextToTheDayTyped(string query, string input, string typed)
    {
        var reviewer = await app.BrowserAsync(World.Reviewer);

        var response = await reviewer.GetAsync("/Review/Sla?" + query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.Contains(typed, page.QuerySelector($"#{input}-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{input}")?.GetAttribute("aria-invalid"));
        Assert.Empty(page.QuerySelectorAll("svg"));
    }

    [Theory]
    [InlineData(World.ContosoGlobal)]
    [InlineData(World.CustomerAdmin)]
    public async Task Sla_ForAnyoneButAReviewer_SendsToAccessDenied(string email)
    {
        var browser = await app.BrowserAsync(email);

        var response = await browser.GetAsync("/Review/Sla");

        UiClient.AssertAccessDenied(response);
    }

    [Fact]
    public async Task Sla_WithItsInlineCharts_HasNoInlineScriptOrStyle()
    {
        var reviewer = await app.BrowserAsync(World.Reviewer);

        var page = await reviewer.GetPageAsync("/Review/Sla?from=2026-11-01&to=2026-11-30");

        Assert.Equal(3, page.QuerySelectorAll("svg").Length);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
    }

    private static string? Value(IDocument page, string name) => page.QuerySelector($".sla-times dd[data-value={name}]")?.TextContent.Trim();

    private static List<string> Texts(IElement svg) => [.. svg.QuerySelectorAll("text").Select(t => t.TextContent)];
}
