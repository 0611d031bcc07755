using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class SlaPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sla_Reviewer_SeesTheLast30DaysChartedThenAnEmptyPeriod()
    {
        var t = new UiText("en");
        var page = await browser.SignedInAsync("reviewer@cpor.example", "en");
        var sla = new SlaPage(page, t);
        await sla.NavigationLink.ClickAsync();

        await Expect(sla.Heading).ToBeVisibleAsync();
        await Expect(sla.Chart("sla.statuses.title")).ToBeVisibleAsync();
        await Expect(sla.Chart("sla.stages.title")).ToBeVisibleAsync();
        await Expect(sla.Chart("sla.times.title")).ToBeVisibleAsync();
        // The demo world submitted claims in the last 30 days; one of them is overdue.
        await Expect(sla.Total).Not.ToHaveTextAsync("0");
        await Expect(sla.SubmittedNow("Submitted")).Not.ToHaveTextAsync("0");
        await Screenshots.SaveAsync(page, "sla-report");

        await sla.ShowAsync("2020-01-01", "2020-12-31");

        await Expect(sla.Total).ToHaveTextAsync("0");
        await Expect(page.GetByText(t["sla.times.noValue"], new() { Exact = true }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sla_InItalian_NamesTheChartsAndStatusesInItalian()
    {
        var t = new UiText("it");
        var page = await browser.SignedInAsync("reviewer@cpor.example", "it");
        var sla = new SlaPage(page, t);
        await sla.GotoAsync();

        await Expect(sla.Heading).ToBeVisibleAsync();
        await Expect(sla.Chart("sla.statuses.title")).ToContainTextAsync(t["status.InReview"]);
        await Expect(sla.Chart("sla.times.title")).ToContainTextAsync(t["sla.chart.hours"]);
        await Screenshots.SaveAsync(page, "sla-report-it");
    }
}
