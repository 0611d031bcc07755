using Cpor.E2E.Infrastructure;
using Cpor.E2E.Pages;
using Cpor.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Cpor.E2E;

[Collection(BrowserCollection.Name)]
public class AdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task DirectoryImport_WithARefusedLine_ShowsTheProgressAndTheLineReport()
    {
        var t = new UiText("en");
        var page = await browser.SignedInAsync(CporAppFactory.AdminEmail, "en", CporAppFactory.AdminPassword);
        var import = new DirectoryImportPage(page, t);
        await import.GotoAsync();
        await Expect(import.Heading).ToBeVisibleAsync();
        const string lines = """
            {"type":"tenant","tenantId":"7e000000-0000-4000-8000-000000000001","name":"Browser Test Ltd","country":"FR","domains":["browser-test.example"],"workloads":["teams"]}
            {"type":"tenant","tenantId":"not-a-guid","name":"Broken","country":"FR","domains":["broken.example"],"workloads":[]}
            """;
        await import.ChooseFileAsync("tenants.ndjson", lines);

        await import.ImportAsync();

        await Expect(import.Summary(1, 1)).ToBeVisibleAsync();
        await Expect(import.Progress).ToHaveJSPropertyAsync("value", 100);
        await Expect(import.RejectedLines).ToContainTextAsync("tenant_id_invalid");
        await Screenshots.SaveAsync(page, "admin-directory-import");
    }

    [Fact]
    public async Task AdminPages_ForAProgramAdmin_ShowPartnersUsersAndCalendar()
    {
        var t = new UiText("en");
        var page = await browser.SignedInAsync(CporAppFactory.AdminEmail, "en", CporAppFactory.AdminPassword);

        var partners = new PartnersPage(page, t);
        await partners.GotoAsync();
        await Expect(partners.Heading).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-partners");
        await partners.OpenAsync("Contoso Cloud Partners");
        var partner = new PartnerPage(page, t);
        await Expect(partner.Heading("Contoso Cloud Partners")).ToBeVisibleAsync();
        await Expect(partner.Enrolment("4100002", await DemoCustomers.ProgramNameAsync(browser.App, "osu-m365"))).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "admin-partner");

        var users = new UsersPage(page, t);
        await users.GotoAsync();
        await users.CreateAsync("new.user@contoso.example", "Nina Lefèvre", "IncentivesUser", "Contoso Cloud Partners", "fr");
        await Expect(users.Created("new.user@contoso.example")).ToBeVisibleAsync();
        await Expect(users.TemporaryPassword).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-users");

        var calendar = new CalendarPage(page, t);
        await calendar.GotoAsync();
        await calendar.AddAsync("2026-12-25", "Christmas Day");
        await Expect(calendar.Holiday("Christmas Day")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-calendar");
    }
}
