using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The partner organisations page (program admins).</summary>
public sealed class PartnersPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Admin/Partners");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["partners.title"], Level = 1 });

    public async Task OpenAsync(string partnerName) => await page.GetByRole(AriaRole.Link, new() { Name = partnerName, Exact = true }).ClickAsync();
}
