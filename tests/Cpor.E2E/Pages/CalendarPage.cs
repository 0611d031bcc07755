using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The business calendar's holidays.</summary>
public sealed class CalendarPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Admin/Calendar");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["calendar.title"], Level = 1 });

    public async Task AddAsync(string isoDate, string name)
    {
        await page.GetByLabel(t["calendar.date"]).FillAsync(isoDate);
        await page.GetByLabel(t["calendar.name"], new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = t["calendar.addButton"], Exact = true }).ClickAsync();
    }

    public ILocator Holiday(string name) => page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true });
}
