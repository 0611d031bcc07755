using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The reviewers' SLA report: the period, three charts and their tables.</summary>
public sealed class SlaPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Review/Sla");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["sla.title"], Level = 1 });

    public ILocator NavigationLink => page.GetByRole(AriaRole.Navigation, new() { Name = t["layout.mainNav"] })
        .GetByRole(AriaRole.Link, new() { Name = t["nav.review.sla"], Exact = true });

    public ILocator From => page.GetByLabel(t["sla.from"], new() { Exact = true });

    public ILocator To => page.GetByLabel(t["sla.to"], new() { Exact = true });

    /// <summary>A chart, named by the title of its section.</summary>
    public ILocator Chart(string titleKey) => page.GetByRole(AriaRole.Region, new() { Name = t[titleKey], Exact = true }).GetByRole(AriaRole.Img);

    /// <summary>The count of claims submitted in the period that are now in <paramref name="status"/>.</summary>
    public ILocator SubmittedNow(string status) =>
        page.GetByRole(AriaRole.Region, new() { Name = t["sla.statuses.title"], Exact = true })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = t["status." + status] }).GetByRole(AriaRole.Cell);

    public ILocator Total => page.GetByRole(AriaRole.Row, new() { Name = t["sla.total"] }).GetByRole(AriaRole.Cell);

    public async Task ShowAsync(string from, string to)
    {
        await From.FillAsync(from);
        await To.FillAsync(to);
        await page.GetByRole(AriaRole.Button, new() { Name = t["sla.show"], Exact = true }).ClickAsync();
    }
}
