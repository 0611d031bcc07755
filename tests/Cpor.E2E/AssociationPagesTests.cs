using System.Globalization;
using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class AssociationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Associations_PartnerInFrench_OpensTheChartChangesThePeriodAndDownloadsTheCsv()
    {
        var t = new UiText("fr");
        var page = await browser.SignedInAsync("incentives@contoso.example", "fr");
        var associations = new AssociationsPage(page, t);
        await associations.NavigationLink.ClickAsync();
        await Expect(associations.Heading).ToBeVisibleAsync();
        // Exactly Contoso's official associations (Active or Ended), and nothing of Fabrikam's or
        // Northwind's. Counted from the database: other browser tests share this demo world.
        var contoso = await browser.App.WithDbAsync(db => db.PartnerOrgs.Where(o => o.Name == "Contoso Cloud Partners").Select(o => o.Id).SingleAsync());
        var official = await browser.App.WithDbAsync(db => db.Associations.CountAsync(a => a.PartnerOrgId == contoso
            && (a.State == Cpor.Domain.AssociationState.Active || a.State == Cpor.Domain.AssociationState.Ended)));
        Assert.True(official >= 2);
        await Expect(associations.Rows).ToHaveCountAsync(official);
        await Expect(associations.Row("Exchange Online")).ToContainTextAsync(t["associations.eligible"]);
        await Expect(associations.Row("OneDrive")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "associations-list-fr");

        await associations.OpenAsync("Exchange Online");
        var association = new AssociationPage(page, t);
        await Expect(association.Heading("Exchange Online")).ToBeVisibleAsync();
        await Expect(association.Chart("Exchange Online : utilisateurs actifs et activés par mois")).ToBeVisibleAsync();
        await Expect(association.Eligibility).ToContainTextAsync("OSU");
        await Expect(association.Credit).ToContainTextAsync(t["associations.credit.activeUsageGrowth.ActiveUsers"]);
        await Screenshots.SaveAsync(page, "association-chart-fr");

        var last = DateOnly.ParseExact(await association.To.InputValueAsync() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Six months, all official: the demo's Adatum association has been Active for about nine
        // months, and months before that are not shown (CPOR.md §9).
        var first = last.AddMonths(-5);
        await association.ShowPeriodAsync(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), last.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("from=" + first.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        var download = await page.RunAndWaitForDownloadAsync(() => association.CsvLink.ClickAsync());
        Assert.Equal($"usage-exchange-online-{first:yyyy-MM}-{last:yyyy-MM}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("month,activeUsers,enabledUsers", csv[0].TrimStart('\uFEFF'));
        Assert.StartsWith(first.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ",", csv[1], StringComparison.Ordinal);

        // The table shows the same months as the chart and the CSV: its header row and one row per line.
        await association.DataTableToggle.ClickAsync();
        await Expect(association.DataTable).ToBeVisibleAsync();
        await Expect(association.DataTable.GetByRole(AriaRole.Row)).ToHaveCountAsync(csv.Length);
        await Expect(association.DataTable).ToContainTextAsync(first.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr")));
    }

    [Fact]
    public async Task Association_OfAnotherOrganisation_IsNotFoundForThePartner()
    {
        var contosos = await browser.App.WithDbAsync(db =>
            db.Associations.Where(a => db.PartnerOrgs.Any(o => o.Id == a.PartnerOrgId && o.Name == "Contoso Cloud Partners")).Select(a => a.Id).FirstAsync());
        var page = await browser.SignedInAsync("incentives@fabrikam.example", "it");

        var response = await page.GotoAsync($"/Associations/{contosos}");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = new UiText("it")["status.page.404"], Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Earnings_PartnerInItalian_ListsTheEligibleAssociationsWithTheirIdsAndCredit()
    {
        var t = new UiText("it");
        var page = await browser.SignedInAsync("incentives@fabrikam.example", "it");
        var earnings = new EarningsPage(page, t);
        await earnings.NavigationLink.ClickAsync();

        await Expect(earnings.Heading).ToBeVisibleAsync();
        await Expect(earnings.Row("Dynamics 365 Customer Service")).ToContainTextAsync(t["associations.subscriptionId"]);
        await Expect(earnings.Row("Power BI Pro")).ToContainTextAsync(t["associations.credit.activeUsageGrowth.SeatsAssigned"]);
        await Screenshots.SaveAsync(page, "earnings-it");
    }

    [Fact]
    public async Task Associations_OnANarrowScreen_StackTheListAndScrollTheChart()
    {
        var t = new UiText("it");
        var page = await browser.SignedInAsync("incentives@fabrikam.example", "it", width: 390);
        var associations = new AssociationsPage(page, t);
        await associations.GotoAsync();
        await Expect(associations.Row("Power BI Pro")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "associations-narrow-it");

        await associations.OpenAsync("Power BI Pro");
        var association = new AssociationPage(page, t);
        await Expect(association.Chart("Power BI Pro: licenze acquistate e assegnate")).ToBeVisibleAsync();
        await Expect(association.CsvLink).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "association-narrow-it");
    }
}
