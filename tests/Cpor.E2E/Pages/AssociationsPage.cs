using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>The partner's official associations: filters, the list and its rows.</summary>
public sealed class AssociationsPage(IPage page, UiText t)
{
    public async Task GotoAsync() => await page.GotoAsync("/Associations");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = t["associations.title"], Level = 1 });

    public ILocator NavigationLink => page.GetByRole(AriaRole.Navigation, new() { Name = t["layout.mainNav"] })
        .GetByRole(AriaRole.Link, new() { Name = t["nav.associations"], Exact = true });

    /// <summary>The rows of the list (the header row aside).</summary>
    public ILocator Rows => page.GetByRole(AriaRole.Main).Locator("tbody").GetByRole(AriaRole.Row);

    /// <summary>The row of the association of a product (workload or subscription).</summary>
    public ILocator Row(string productName) => Rows.Filter(new() { Has = page.GetByText(productName, new() { Exact = true }) });

    public async Task OpenAsync(string productName) => await Row(productName).GetByRole(AriaRole.Link).First.ClickAsync();

    public async Task FilterByStateAsync(string state)
    {
        await page.GetByLabel(t["associations.state"], new() { Exact = true }).SelectOptionAsync(state);
        await page.GetByRole(AriaRole.Button, new() { Name = t["claims.apply"], Exact = true }).ClickAsync();
    }
}
