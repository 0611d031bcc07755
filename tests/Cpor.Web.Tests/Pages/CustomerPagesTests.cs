using System.Globalization;
using System.Net;
using System.Resources;
using AngleSharp.Dom;
using Cpor.Domain;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

/// <summary>The customer admin's pages (the tenant's claims, opt-out, ending an association) and the e-mailed opt-out link.</summary>
public class CustomerPagesTests(UiFixture app) : IClassFixture<UiFixture>
{
    private static readonly ResourceManager ErrorText = new("Cpor.Web.Resources.ErrorMessages", typeof(Program).Assembly);

    [Fact]
    public async Task Home_ForACustomerAdmin_LandsOnTheTenantsClaims()
    {
        var browser = await app.BrowserAsync(World.CustomerAdmin);

        var response = await browser.GetAsync("/Home");

        Assert.Equal("/Customer", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TenantClaims_ListTheTenantsClaimsPastDraft_WithPartnerProductsStatusAndTheConsentWindowsEnd()
    {
        var (tenant, browser, _) = await CustomerAsync();
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Still a draft", "onedrive"));
        var submitted = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Waiting for review", "exchange-online"));
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Teams rollout", "teams"));
        var elsewhere = await app.CreateSubmittedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Someone else's", "teams"));

        var page = await browser.GetPageAsync("/Customer");

        var rows = page.QuerySelectorAll(".customer-claims tbody tr");
        Assert.Equal(new[] { approved.Id, submitted.Id }.Order(), rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^1]).Order());
        var row = rows.Single(r => r.TextContent.Contains("Teams rollout", StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td");
        Assert.StartsWith("Contoso", cells[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Microsoft Teams", cells[2].TextContent.Trim());
        Assert.NotNull(cells[3].QuerySelector(".status-approved"));
        Assert.NotNull(cells[3].QuerySelector(".badge.awaiting"));
        Assert.Equal(Iso(approved.ConsentEndsAt), cells[4].QuerySelector("time")?.GetAttribute("datetime"));
        Assert.DoesNotContain(elsewhere.Id, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptOut_SignedInDuringTheWindow_RejectsTheClaimAsCustomerDenied()
    {
        var (tenant, browser, _) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Opt me out"));
        var page = await browser.GetPageAsync($"/Customer/Claims/{approved.Id}");

        var response = await browser.PostFormAsync(
            $"/Customer/Claims/{approved.Id}?handler=OptOut", page, new() { ["Version"] = VersionOf(page), ["Comment"] = "We work with another partner." });

        Assert.Equal($"/Customer/Claims/{approved.Id}", response.Headers.Location?.OriginalString);
        var after = await app.GetClaimAsync(await app.PartnerAsync(), approved.Id);
        Assert.Equal((ClaimStatus.Rejected, "CustomerDenied"), (after.Status, after.StatusReason));
        Assert.Equal("We work with another partner.", (await (await app.PartnerAsync()).HistoryAsync(approved.Id))[^1].Comment);
    }

    [Fact]
    public async Task OptOut_AfterTheWindow_ShowsTheFrenchConsentWindowClosedMessage_AndChangesNothing()
    {
        var (tenant, _, email) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Too late"));
        // Signed in shortly before the window closes (the sign-in cookie follows the clock too).
        app.Clock.Set(approved.ConsentEndsAt!.Value.AddMinutes(-1));
        var browser = await app.BrowserAsync(email);
        var before = await browser.GetPageAsync($"/Customer/Claims/{approved.Id}", "fr");
        app.Clock.Set(approved.ConsentEndsAt!.Value.AddSeconds(1));

        var late = await browser.PostFormAsync($"/Customer/Claims/{approved.Id}?handler=OptOut", before, new() { ["Version"] = VersionOf(before) }, "fr");
        var now = await browser.GetPageAsync($"/Customer/Claims/{approved.Id}", "fr");

        var closed = Error("consent_window_closed.detail", "fr");
        Assert.NotNull(before.QuerySelector("form[action$='handler=OptOut']"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains(closed, (await UiClient.ParseAsync(late)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Null(now.QuerySelector("form[action$='handler=OptOut']"));
        Assert.Equal(closed, now.QuerySelector(".notice p")?.TextContent);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.PartnerAsync(), approved.Id)).Status);
    }

    [Fact]
    public async Task EndAssociation_OnlyAfterTheConfirmationStep_EndsItAsCustomerEnded()
    {
        var (tenant, _, email) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Official one", "sharepoint-online"));
        app.Clock.Set(approved.ConsentEndsAt!.Value.AddMinutes(1));
        await app.RunClockAsync();
        var browser = await app.BrowserAsync(email);
        var page = await browser.GetPageAsync($"/Customer/Claims/{approved.Id}");

        var confirm = await browser.GetPageAsync(page.QuerySelector("a[href$='?confirm=end']")!.GetAttribute("href")!);
        var response = await browser.PostFormAsync($"/Customer/Claims/{approved.Id}?handler=End", confirm, new() { ["Version"] = VersionOf(confirm), ["Comment"] = "Contract over." });

        Assert.Null(page.QuerySelector("form[action$='handler=End']"));
        Assert.NotNull(confirm.QuerySelector(".confirm-card form[action$='handler=End']"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ended = await app.GetClaimAsync(await app.PartnerAsync(), approved.Id);
        Assert.Equal((ClaimStatus.Ended, "CustomerEnded"), (ended.Status, ended.StatusReason));
        var after = await browser.GetPageAsync($"/Customer/Claims/{approved.Id}");
        Assert.NotNull(after.QuerySelector(".flash"));
        Assert.Null(after.QuerySelector("a[href$='?confirm=end']"));
    }

    [Fact]
    public async Task ClaimPage_OfAnotherTenant_IsNotFound_AndItsOptOutChangesNothing()
    {
        var (tenant, _, _) = await CustomerAsync();
        var (_, stranger, _) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Not yours"));
        var strangersList = await stranger.GetPageAsync("/Customer");

        var page = await stranger.GetAsync($"/Customer/Claims/{approved.Id}");
        var optOut = await stranger.PostFormAsync($"/Customer/Claims/{approved.Id}?handler=OptOut", strangersList, new() { ["Version"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, optOut.StatusCode);
        Assert.DoesNotContain("Not yours", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.PartnerAsync(), approved.Id)).Status);
    }

    [Theory]
    [InlineData(World.ContosoGlobal)]
    [InlineData(World.Reviewer)]
    public async Task CustomerPages_ForAPartnerOrAReviewer_AreDenied(string email)
    {
        var browser = await app.BrowserAsync(email);

        var list = await browser.GetAsync("/Customer");
        var claim = await browser.GetAsync("/Customer/Claims/clm_anything");

        UiClient.AssertAccessDenied(list);
        UiClient.AssertAccessDenied(claim);
    }

    [Fact]
    public async Task ConsentLink_WithoutSigningIn_ShowsOnlyWhatTheLinkIsAbout_AndOptsOutInItalian()
    {
        var (tenant, _, email) = await CustomerAsync();
        var partner = await app.PartnerAsync();
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Adozione di Teams"));
        var path = await app.ConsentPathAsync(approved.Id, email);
        var anonymous = app.AnonymousBrowser();

        var page = await anonymous.GetPageAsync(path, "it");
        var response = await anonymous.PostFormAsync(path + "?handler=OptOut", page, new() { ["Comment"] = "Lavoriamo con un altro partner." }, "it");
        var after = await anonymous.GetPageAsync(path, "it");

        var main = page.QuerySelector("main")!;
        Assert.Contains("Contoso", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("Adozione di Teams", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("Microsoft Teams", main.TextContent, StringComparison.Ordinal);
        Assert.Equal(Iso(approved.ConsentEndsAt), main.QuerySelector("time")?.GetAttribute("datetime"));
        foreach (var secret in new[] { "ann.lee@customer.test", "pat@contoso.test", "Pat Partner", World.ContosoMpn, "proof.pdf", approved.Id })
        {
            Assert.DoesNotContain(secret, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }

        Assert.Equal(path, response.Headers.Location?.OriginalString);
        var optedOut = await app.GetClaimAsync(partner, approved.Id);
        Assert.Equal((ClaimStatus.Rejected, "CustomerDenied"), (optedOut.Status, optedOut.StatusReason));
        var line = (await partner.HistoryAsync(approved.Id))[^1];
        Assert.Equal((ActorKind.Customer, "Admin " + email), (line.Actor.Kind, line.Actor.Name));
        Assert.NotNull(after.QuerySelector(".flash"));
        Assert.Null(after.QuerySelector("form[action*='handler=OptOut']"));
    }

    [Fact]
    public async Task ConsentLink_AfterTheWindow_ExplainsInFrenchThatTheWindowIsClosed()
    {
        var (tenant, _, email) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Expired link"));
        var path = await app.ConsentPathAsync(approved.Id, email);
        app.Clock.Set(approved.ConsentEndsAt!.Value.AddSeconds(1));

        var response = await app.AnonymousBrowser().GetAsync(path, "fr");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.Equal(Error("consent_window_closed", "fr"), page.QuerySelector(".consent-refused h2")?.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=OptOut']"));
        Assert.DoesNotContain("Expired link", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsentLink_Tampered_ExplainsTheLinkIsInvalid_AndItsOptOutChangesNothing()
    {
        var (tenant, _, email) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Tampered link"));
        var path = await app.ConsentPathAsync(approved.Id, email);
        var tampered = path[..^4] + "AAAA";
        var anonymous = app.AnonymousBrowser();
        var genuine = await anonymous.GetPageAsync(path);

        var response = await anonymous.GetAsync(tampered, "it");
        var optOut = await anonymous.PostFormAsync(tampered + "?handler=OptOut", genuine, [], "it");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Error("consent_link_invalid", "it"), (await UiClient.ParseAsync(response)).QuerySelector(".consent-refused h2")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, optOut.StatusCode);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.PartnerAsync(), approved.Id)).Status);
    }

    [Fact]
    public async Task ConsentLink_OptOutWithoutTheAntiforgeryToken_IsRefused()
    {
        var (tenant, _, email) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Forged post"));
        var path = await app.ConsentPathAsync(approved.Id, email);
        var anonymous = app.AnonymousBrowser();
        await anonymous.GetPageAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Post, path + "?handler=OptOut") { Content = new FormUrlEncodedContent([]) };
        var response = await anonymous.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ClaimStatus.Approved, (await app.GetClaimAsync(await app.PartnerAsync(), approved.Id)).Status);
    }

    [Fact]
    public async Task CustomerPages_HaveNoInlineScriptOrStyle()
    {
        var (tenant, browser, email) = await CustomerAsync();
        var approved = await app.ApprovedClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, "Inline check"));
        var consent = await app.ConsentPathAsync(approved.Id, email);

        foreach (var page in new[] { await browser.GetPageAsync("/Customer"), await browser.GetPageAsync($"/Customer/Claims/{approved.Id}"), await app.AnonymousBrowser().GetPageAsync(consent) })
        {
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        }
    }

    /// <summary>A tenant of its own, its customer admin, and that admin's browser.</summary>
    private async Task<(TestTenant Tenant, UiClient Browser, string Email)> CustomerAsync()
    {
        var tenant = await app.NewTenantAsync();
        var email = $"admin@{tenant.Domain}";
        await app.CustomerAdminAsync(tenant.Id, email);
        return (tenant, await app.BrowserAsync(email), email);
    }

    private static string VersionOf(IDocument page) => page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

    private static string Iso(DateTimeOffset? value) => value!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Error(string key, string language) => ErrorText.GetString(key, CultureInfo.GetCultureInfo(language))!;
}
