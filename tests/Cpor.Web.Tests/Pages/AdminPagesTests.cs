using System.Net;
using System.Text;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

public class AdminPagesTests(UiFixture app) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task Partners_CreateAnOrganisationThenAnEnrolledMpnId_ThroughTheAdminHandlers()
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        var partners = await browser.GetPageAsync("/Admin/Partners");

        var created = await browser.PostFormAsync("/Admin/Partners", partners, new() { ["Name"] = "Litware Partners" });
        var partnerPage = created.Headers.Location!.OriginalString;
        var page = await browser.GetPageAsync(partnerPage);
        var added = await browser.PostFormAsync(partnerPage + "?handler=Add", page, new() { ["MpnId"] = "7700001", ["LocationName"] = "Nice" }, more: [new("Programs", "osu-m365")]);
        var after = await browser.GetPageAsync(partnerPage);

        Assert.Matches("^/Admin/Partners/org_", partnerPage);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("Litware Partners", after.QuerySelector("h1")?.TextContent);
        Assert.NotNull(after.QuerySelector("#program-7700001-osu-m365[checked]"));
        Assert.Null(after.QuerySelector("#program-7700001-osa-sell[checked]"));
    }

    [Fact]
    public async Task Partner_AddingAnMpnIdThatIsTaken_ShowsTheErrorNextToTheMpnId()
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        var page = await browser.GetPageAsync($"/Admin/Partners/{app.ContosoId}");

        var response = await browser.PostFormAsync($"/Admin/Partners/{app.ContosoId}?handler=Add", page, new() { ["MpnId"] = World.FabrikamMpn });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await UiClient.ParseAsync(response)).QuerySelector("#mpn-id-error"));
    }

    [Fact]
    public async Task Partner_ForAGlobalAdmin_IsTheirOwnOrganisationOnly()
    {
        var browser = await app.BrowserAsync(World.ContosoGlobal);

        var own = await browser.GetAsync($"/Admin/Partners/{app.ContosoId}");
        var other = await browser.GetAsync($"/Admin/Partners/{app.FabrikamId}");
        var list = await browser.GetAsync("/Admin/Partners");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal($"/Admin/Partners/{app.ContosoId}", list.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Users_CreatedWithoutPassword_ShowTheTemporaryPasswordOnce()
    {
        var browser = await app.BrowserAsync(World.ContosoGlobal);
        var page = await browser.GetPageAsync("/Admin/Users");

        var response = await browser.PostFormAsync("/Admin/Users", page, new()
        {
            ["Input.Email"] = "new.viewer@contoso.test",
            ["Input.DisplayName"] = "New Viewer",
            ["Input.Roles"] = "IncentivesUser",
            ["Input.Language"] = "it",
            ["Input.TimeZone"] = "Europe/Rome",
        });

        var created = await UiClient.ParseAsync(response);
        var password = created.QuerySelector("code.secret")?.TextContent;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.Contains(created.QuerySelectorAll(".users-table td"), td => td.TextContent == "new.viewer@contoso.test");
        Assert.Null((await browser.GetPageAsync("/Admin/Users")).QuerySelector("code.secret"));
        await UiClient.SignInAsync(app, "new.viewer@contoso.test", password!);
    }

    [Fact]
    public async Task Users_AGlobalAdminGivingAReviewerRole_IsRefused()
    {
        var browser = await app.BrowserAsync(World.ContosoGlobal);
        var page = await browser.GetPageAsync("/Admin/Users");

        var response = await browser.PostFormAsync("/Admin/Users", page, new() { ["Input.Email"] = "sneaky@contoso.test", ["Input.Roles"] = "Reviewer" });

        Assert.Empty(page.QuerySelectorAll("input[name='Input.Roles'][value=Reviewer]"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await UiClient.ParseAsync(response)).QuerySelector("#user-roles-error"));
    }

    [Fact]
    public async Task DirectoryImport_FromTheScript_AnswersTheReportWithEveryRefusedLine()
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        var page = await browser.GetPageAsync("/Admin/Directory");
        var ndjson = """
            {"type":"tenant","tenantId":"30000000-0000-4000-8000-000000000003","name":"Imported Ltd","country":"IT","domains":["imported.test"],"workloads":["teams"]}
            {"type":"subscription","subscriptionId":"b0000000-0000-4000-8000-000000000001","tenantId":"99999999-0000-4000-8000-000000000009","productId":"power-apps","channel":"WebDirect","state":"Active","provisioned":true,"seatsPurchased":5,"seatsAssigned":5}
            """;

        var response = await browser.PostFilesAsync("/Admin/Directory", page, "files", [("directory.ndjson", Encoding.UTF8.GetBytes(ndjson))], fromScript: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await UiClient.ParseAsync(response);
        Assert.NotNull(report.QuerySelector("#import-report"));
        Assert.Null(report.QuerySelector("header"));
        var row = Assert.Single(report.QuerySelectorAll(".import-errors tbody tr"));
        Assert.Equal(["directory.ndjson", "2"], row.QuerySelectorAll("td").Take(2).Select(td => td.TextContent));
        Assert.Equal("Imported Ltd", await app.WithDbAsync(db => Task.FromResult(db.Tenants.Single(t => t.Id == Guid.Parse("30000000-0000-4000-8000-000000000003")).Name)));
    }

    [Fact]
    public async Task DirectoryImport_OfAFileOfUnknownType_ImportsNothingAndSaysWhy()
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        var page = await browser.GetPageAsync("/Admin/Directory");

        var response = await browser.PostFilesAsync("/Admin/Directory", page, "files", [("notes.txt", "hello"u8.ToArray())], fromScript: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await UiClient.ParseAsync(response)).QuerySelector("#import-report .error-summary"));
    }

    [Fact]
    public async Task DirectoryImport_ForAGlobalAdmin_IsDenied()
    {
        var browser = await app.BrowserAsync(World.ContosoGlobal);

        var response = await browser.GetAsync("/Admin/Directory");

        UiClient.AssertAccessDenied(response);
    }

    [Fact]
    public async Task Calendar_AddThenRemoveAHoliday()
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        var page = await browser.GetPageAsync("/Admin/Calendar");

        await browser.PostFormAsync("/Admin/Calendar?handler=Add", page, new() { ["Date"] = "2026-12-25", ["HolidayName"] = "Christmas" });
        var withHoliday = await browser.GetPageAsync("/Admin/Calendar", "fr");
        await browser.PostFormAsync("/Admin/Calendar?handler=Remove", page, new() { ["date"] = "2026-12-25" });
        var without = await browser.GetPageAsync("/Admin/Calendar");

        Assert.Equal("vendredi 25 décembre 2026", withHoliday.QuerySelector("table.holidays time")?.TextContent);
        Assert.Empty(without.QuerySelectorAll("table.holidays tbody tr"));
    }

    [Fact]
    public async Task Calendar_WithAnInvalidDate_ShowsTheErrorNextToTheDate()
    {
        var browser = await app.BrowserAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        var page = await browser.GetPageAsync("/Admin/Calendar");

        var response = await browser.PostFormAsync("/Admin/Calendar?handler=Add", page, new() { ["Date"] = "25/12/2026" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await UiClient.ParseAsync(response)).QuerySelector("#holiday-date-error"));
    }
}
