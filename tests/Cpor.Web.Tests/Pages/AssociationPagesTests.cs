using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Cpor.Web.Features.Associations;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

public class AssociationPagesTests(AssociationPagesFixture app) : IClassFixture<AssociationPagesFixture>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public async Task List_ForAPartner_ShowsItsOrganisationsOfficialAssociationsOnly()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync("/Associations");

        Assert.Equal(
            new[] { app.ContosoTeams, app.ContosoSales, app.ContosoRevenue, app.ContosoSharePointEnded }.Order(),
            AssociationLinks(page).Order());
        Assert.Null(page.QuerySelector("#filter-partnerOrgId"));
    }

    [Fact]
    public async Task List_FilteredByState_ShowsTheEndedAssociationWithItsEndDate()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync("/Associations?state=Ended", "fr");

        Assert.Equal([app.ContosoSharePointEnded], AssociationLinks(page));
        var row = page.QuerySelector("tbody tr")!;
        Assert.Contains("Terminée", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(AssociationPagesFixture.EndedAt.ToString("d", French), row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ended", page.QuerySelector("#filter-state option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task List_FilteredByProgramOrTenant_ShowsTheMatchesOrSaysNoneMatch()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var bizApps = await browser.GetPageAsync("/Associations?programId=osu-bizapps");
        var otherTenant = await browser.GetPageAsync($"/Associations?tenantId={World.OtherTenant}");

        Assert.Equal([app.ContosoSales], AssociationLinks(bizApps));
        Assert.Empty(AssociationLinks(otherTenant));
        Assert.Equal(World.OtherTenant.ToString(), otherTenant.QuerySelector("#filter-tenantId")?.GetAttribute("value"));
        Assert.NotNull(otherTenant.QuerySelector("p.empty"));
    }

    [Fact]
    public async Task List_WithATenantIdThatIsNoGuid_Is422WithTheErrorNextToTheField()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var response = await browser.GetAsync("/Associations?tenantId=adatum", "it");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.Contains("adatum", page.QuerySelector("#filter-tenantId-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#filter-tenantId")?.GetAttribute("aria-invalid"));
        Assert.Equal("#filter-tenantId", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task List_OnePerPage_PagesThroughEveryAssociationKeepingTheFilters()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var seen = new List<string>();
        var path = "/Associations?state=Active&limit=1";
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            var page = await browser.GetPageAsync(path);
            seen.AddRange(AssociationLinks(page));
            path = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
            Assert.True(path is null || (path.Contains("state=Active", StringComparison.Ordinal) && path.Contains("limit=1", StringComparison.Ordinal)), path);
        }

        Assert.Equal(new[] { app.ContosoTeams, app.ContosoSales, app.ContosoRevenue }.Order(), seen.Order());
    }

    [Fact]
    public async Task Association_OfAWorkload_ChartsActiveAndEnabledUsersInFrench_WithTheSameNumbersInTheTable()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoTeams}?from=2026-03&to=2026-08", "fr");

        var chart = page.QuerySelector("figure.chart svg.cpor-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("Microsoft Teams : utilisateurs actifs et activés par mois", chart.QuerySelector("title")?.TextContent);
        var texts = chart.QuerySelectorAll("text").Select(t => t.TextContent).ToList();
        Assert.Contains("Utilisateurs actifs", texts);
        Assert.Contains("Utilisateurs activés", texts);
        Assert.Contains("mars 2026", texts);
        Assert.Contains(1500.ToString("N0", French), texts); // the top tick, French digit grouping
        var rows = page.QuerySelectorAll(".data-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(["mars 2026", 1040.ToString("N0", French), 1045.ToString("N0", French)], rows[0]);
        Assert.Equal(["août 2026", 1090.ToString("N0", French), 1095.ToString("N0", French)], rows[^1]);
        Assert.Equal("2026-03", page.QuerySelector("#usage-from")?.GetAttribute("value"));
        Assert.Equal("2026-08", page.QuerySelector("#usage-to")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Association_WithoutAPeriod_ShowsTheLast24Months_SinceItBecameActive()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoTeams}");

        // Active since March 2026, the clock in November 2026; the facts run from 2025-11 to 2026-10.
        Assert.Equal(("2026-03", "2026-11"), (page.QuerySelector("#usage-from")?.GetAttribute("value"), page.QuerySelector("#usage-to")?.GetAttribute("value")));
        Assert.Equal(8, page.QuerySelectorAll(".data-table tbody tr").Length);
    }

    [Fact]
    public async Task Association_AskedForMonthsBeforeItBecameActive_ShowsOnlyItsOfficialMonths_AsTheApiCsvAndChartDo()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var api = await ApiFixture.OkAsync<UsageResponse>(await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage?from=2025-01&to=2026-04"));

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoTeams}?from=2025-01&to=2026-04");
        var csv = await (await browser.GetAsync(page.QuerySelector("a.export")!.GetAttribute("href")!, accept: "*/*")).Content.ReadAsStringAsync();

        var months = page.QuerySelectorAll(".data-table tbody time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2026-03", "2026-04"], months);
        Assert.Equal(api.Months.Select(m => m.Month), months);
        Assert.Equal("month,activeUsers,enabledUsers\n2026-03,1040,1045\n2026-04,1050,1055\n", csv.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(4, page.QuerySelectorAll("svg.cpor-chart title").Count(t => t.ParentElement!.LocalName != "svg")); // a tooltip per point: two months of both series
        Assert.DoesNotContain("2025", page.QuerySelector("svg.cpor-chart")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1,030 in February 2026", Credit(page)["Before the association"]); // the baseline, as a figure only
    }

    [Fact]
    public async Task Association_OfASubscription_ChartsSeatsPurchasedAndAssignedInItalian()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoSales}?from=2026-03&to=2026-10", "it");

        var texts = page.QuerySelectorAll("svg.cpor-chart text").Select(t => t.TextContent).ToList();
        Assert.Contains("Licenze acquistate", texts);
        Assert.Contains("Licenze assegnate", texts);
        Assert.Contains(World.SalesSubscription.ToString(), page.QuerySelector(".details")?.TextContent, StringComparison.Ordinal);
        var first = page.QuerySelector(".data-table tbody tr")!.Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["marzo 2026", "111", "104"], first);
    }

    [Fact]
    public async Task Association_Csv_IsTheApisCsvOfTheSamePeriod()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var page = await browser.GetPageAsync($"/Associations/{app.ContosoTeams}?from=2026-03&to=2026-05");
        var link = page.QuerySelector("a.export")!.GetAttribute("href")!;

        var download = await browser.GetAsync(link, accept: "*/*");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var api = await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{app.ContosoTeams}/usage.csv?from=2026-03&to=2026-05");
        var csv = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(await api.Content.ReadAsByteArrayAsync(), csv);
        Assert.Equal("month,activeUsers,enabledUsers\n2026-03,1040,1045\n2026-04,1050,1055\n2026-05,1060,1065\n",
            System.Text.Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Association_WithAPeriodEndingBeforeItStarts_Is422WithTheErrorNextToThePeriod()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var response = await browser.GetAsync($"/Associations/{app.ContosoTeams}?from=2026-07&to=2026-01");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#usage-from-error"));
        Assert.Equal("2026-07", page.QuerySelector("#usage-from")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("svg.cpor-chart"));
        Assert.NotNull(page.QuerySelector("#eligibility-title"));
    }

    [Fact]
    public async Task Association_Ended_ShowsNoMonthBeforeItBecameActiveNorAfterItsEnd()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoSharePointEnded}?from=2025-11&to=2026-10");

        var months = page.QuerySelectorAll(".data-table tbody time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"], months);
        Assert.NotNull(page.QuerySelector(".usage p.note"));
    }

    [Fact]
    public async Task Association_Eligible_ShowsTheProgramAndTheApisCredit()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var api = await ApiFixture.OkAsync<EligibilityResponse>(await (await app.PartnerAsync()).GetAsync($"/api/v1/associations/{app.ContosoTeams}/eligibility"));

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoTeams}");

        Assert.True(api.Eligible);
        Assert.NotNull(page.QuerySelector(".eligibility .verdict.ok"));
        Assert.Empty(page.QuerySelectorAll(".reasons li"));
        var credit = Credit(page);
        Assert.Equal(api.Credit.ActiveUsageGrowth.ToString("N0", CultureInfo.InvariantCulture), credit["Active user growth"]);
        Assert.Equal(api.Credit.NewDeployments.ToString(CultureInfo.InvariantCulture), credit["New deployments"]);
        Assert.Equal("1,030 in February 2026", credit["Before the association"]);
        Assert.Equal("1,110 in October 2026", credit["Latest"]);
    }

    [Fact]
    public async Task Association_NotEligible_ShowsEveryReasonInTheLanguageOfThePage()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var french = await app.PartnerAsync("fr");
        var api = await ApiFixture.OkAsync<EligibilityResponse>(await french.GetAsync($"/api/v1/associations/{app.ContosoRevenue}/eligibility"));

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoRevenue}", "fr");

        Assert.False(api.Eligible);
        Assert.NotNull(page.QuerySelector(".eligibility .verdict.bad"));
        var reasons = page.QuerySelectorAll(".reasons li").Select(li => (li.QuerySelector("strong")!.TextContent, li.QuerySelector("span")!.TextContent)).ToList();
        Assert.Equal(api.Reasons.Select(r => (r.Title, r.Detail)), reasons);
        Assert.Contains(reasons, r => r.Item1 == "Aucun programme d’incitation");
    }

    [Fact]
    public async Task Association_WithADigitalPartnerOfRecord_TellsThePartnerItOutranksItWithoutNamingIt()
    {
        var partner = await app.BrowserAsync(World.ContosoIncentives);
        var reviewer = await app.BrowserAsync(World.Reviewer);

        var partnerPage = await partner.GetPageAsync($"/Associations/{app.ContosoSales}");
        var reviewerPage = await reviewer.GetPageAsync($"/Associations/{app.ContosoSales}");

        Assert.Equal("Also linked: you outrank it and keep the credit.", Credit(partnerPage)["Digital partner of record"]);
        Assert.DoesNotContain("Fabrikam", partnerPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Fabrikam, outranked by the claiming partner", Credit(reviewerPage)["Digital partner of record"]);
    }

    [Fact]
    public async Task Association_OfAnotherOrganisation_Is404ForThePageAndItsCsv()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Associations/{app.FabrikamExchange}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Associations/{app.FabrikamExchange}?handler=Csv", accept: "*/*")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Associations/{app.FabrikamExchange}?from=2026-07&to=2026-01")).StatusCode);
    }

    [Fact]
    public async Task Association_NotOfficialOrUnknown_Is404()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Associations/{app.ContosoOneDriveApproved}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Associations/asc_00000000000000000000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/Associations/" + new string('a', 200))).StatusCode);
    }

    [Fact]
    public async Task OtherOrganisation_SeesNoneOfContososAssociations()
    {
        var fabrikam = await app.BrowserAsync(World.FabrikamIncentives);

        var list = await fabrikam.GetPageAsync("/Associations");

        Assert.Equal([app.FabrikamExchange], AssociationLinks(list));
        foreach (var id in new[] { app.ContosoTeams, app.ContosoSales, app.ContosoRevenue, app.ContosoSharePointEnded })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await fabrikam.GetAsync($"/Associations/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Reviewer_ListsEveryOrganisationsAssociations_NamesThePartner_AndFiltersByIt()
    {
        var reviewer = await app.BrowserAsync(World.Reviewer);

        var all = await reviewer.GetPageAsync("/Associations");
        var fabrikam = await reviewer.GetPageAsync($"/Associations?partnerOrgId={app.FabrikamId}");
        var page = await reviewer.GetPageAsync($"/Associations/{app.FabrikamExchange}");

        Assert.Contains(app.FabrikamExchange, AssociationLinks(all));
        Assert.Contains(app.ContosoTeams, AssociationLinks(all));
        Assert.Equal([app.FabrikamExchange], AssociationLinks(fabrikam));
        Assert.Contains("Fabrikam", fabrikam.QuerySelector("tbody tr")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg.cpor-chart"));
        // The claim page is the partner's: a reviewer gets no link to it.
        Assert.Null(page.QuerySelector(".details a[href^='/Partner/Claims/']"));
    }

    [Theory]
    [InlineData(World.CustomerAdmin)]
    [InlineData(CporAppFactory.AdminEmail)]
    public async Task CustomerAndProgramAdmin_AreSentToAccessDenied_FromEveryAssociationPage(string email)
    {
        var browser = await app.BrowserAsync(email, email == CporAppFactory.AdminEmail ? CporAppFactory.AdminPassword : World.Password);

        foreach (var path in new[] { "/Associations", $"/Associations/{app.ContosoTeams}", $"/Associations/{app.ContosoTeams}?handler=Csv", "/Associations/Earnings" })
        {
            var response = await browser.GetAsync(path);
            UiClient.AssertAccessDenied(response);
        }
    }

    [Fact]
    public async Task Earnings_ListTheEligibleAssociationsWithTheirIdsAndTheApisCredit()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var api = await ApiFixture.OkAsync<Page<EarningResponse>>(await (await app.PartnerAsync()).GetAsync("/api/v1/associations/earnings"));

        var page = await browser.GetPageAsync("/Associations/Earnings");

        Assert.Equal(api.Items.Select(e => e.AssociationId).Order(), AssociationLinks(page).Order());
        Assert.DoesNotContain(app.ContosoRevenue, AssociationLinks(page));
        var sales = Row(page, app.ContosoSales);
        Assert.Contains(World.SalesSubscription.ToString(), sales.TextContent, StringComparison.Ordinal);
        Assert.Contains(World.Tenant.ToString(), sales.TextContent, StringComparison.Ordinal);
        var teams = api.Items.Single(e => e.AssociationId == app.ContosoTeams).Credit;
        Assert.Equal(teams.ActiveUsageGrowth.ToString("N0", CultureInfo.InvariantCulture), Credit(Row(page, app.ContosoTeams))["Active user growth"]);
    }

    [Fact]
    public async Task Navigation_ForAPartner_LinksTheAssociationsAndTheEarnings_ForAReviewerTheAssociationsAndTheSlaReport()
    {
        var partner = await (await app.BrowserAsync(World.ContosoViewer)).GetPageAsync("/Associations/Earnings");
        var reviewer = await (await app.BrowserAsync(World.Reviewer)).GetPageAsync("/Associations");

        var partnerLinks = partner.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Associations", partnerLinks);
        Assert.Contains("/Associations/Earnings", partnerLinks);
        Assert.Equal("/Associations/Earnings", partner.QuerySelector(".main-nav a[aria-current=page]")?.GetAttribute("href"));
        var reviewerLinks = reviewer.QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Associations", reviewerLinks);
        Assert.Contains("/Review/Sla", reviewerLinks);
        Assert.DoesNotContain("/Associations/Earnings", reviewerLinks);
    }

    [Fact]
    public async Task AssociationPage_WithItsInlineChart_HasNoInlineScriptOrStyle()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var page = await browser.GetPageAsync($"/Associations/{app.ContosoTeams}");

        Assert.NotNull(page.QuerySelector("svg"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
    }

    private static List<string> AssociationLinks(IDocument page) =>
        [.. page.QuerySelectorAll("tbody a[href^='/Associations/asc_']").Select(a => a.GetAttribute("href")!["/Associations/".Length..]).Distinct()];

    private static IElement Row(IDocument page, string associationId) =>
        page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/Associations/{associationId}']") is not null);

    /// <summary>The credit's figures by their label.</summary>
    private static Dictionary<string, string> Credit(IParentNode scope) =>
        scope.QuerySelectorAll("dl.credit > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent.Trim(), d => d.QuerySelector("dd")!.TextContent.Trim());
}
