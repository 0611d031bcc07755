using Cpor.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Cpor.E2E.Pages;

/// <summary>One official association: its usage or seats chart and table, the period, the CSV download, eligibility and credit.</summary>
public sealed class AssociationPage(IPage page, UiText t)
{
    public ILocator Heading(string productName) => page.GetByRole(AriaRole.Heading, new() { Name = productName, Level = 1 });

    /// <summary>The chart, named by its title (which starts with the product's name).</summary>
    public ILocator Chart(string productName) => page.GetByRole(AriaRole.Img, new() { Name = productName });

    public ILocator From => page.GetByLabel(t["associations.period.from"], new() { Exact = true });

    public ILocator To => page.GetByLabel(t["associations.period.to"], new() { Exact = true });

    public ILocator CsvLink => page.GetByRole(AriaRole.Link, new() { Name = t["associations.csv"], Exact = true });

    /// <summary>The data table's disclosure, and the table it opens.</summary>
    public ILocator DataTableToggle => page.GetByText(t["associations.usage.table"], new() { Exact = true });

    public ILocator DataTable => page.Locator("details.data-table").GetByRole(AriaRole.Table);

    public ILocator Eligibility => page.GetByRole(AriaRole.Region, new() { Name = t["associations.eligibility"], Exact = true });

    public ILocator Credit => page.GetByRole(AriaRole.Region, new() { Name = t["associations.credit"], Exact = true });

    /// <summary>Types a period and submits it with the keyboard, as someone without a mouse would.</summary>
    public async Task ShowPeriodAsync(string from, string to)
    {
        await From.FillAsync(from);
        await To.FillAsync(to);
        await To.PressAsync("Enter");
    }
}
