using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The earnings view: eligible associations with their IDs and credit.</summary>
public sealed class EarningsPage(IPage page, UiText t)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["associations.earnings.title"], Level = 1 });

    public ILocator NavigationLink => page.GetByRole(AriaRole.Navigation, new() { Name = t["layout.mainNav"] })
        .GetByRole(AriaRole.Link, new() { Name = t["nav.earnings"], Exact = true });

    public ILocator Rows => page.GetByRole(AriaRole.Main).Locator("tbody").GetByRole(AriaRole.Row);

    public ILocator Row(string text) => Rows.Filter(new() { HasText = text });
}
