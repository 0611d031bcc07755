using System.Net;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

public class SignInPageTests(UiFixture app) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task StartPage_WhenSignedOut_ShowsTheSignInFormWithoutDemoAccounts()
    {
        var page = await app.AnonymousBrowser().GetPageAsync("/");

        Assert.NotNull(page.QuerySelector("form input#email[name=Email][autocomplete=username]"));
        Assert.NotNull(page.QuerySelector("form input#password[type=password]"));
        Assert.NotNull(page.QuerySelector($"form input[name={UiClient.AntiforgeryField}]"));
        Assert.Empty(page.QuerySelectorAll(".demo-account"));
    }

    [Fact]
    public async Task DemoSignIn_OutsideDemoMode_IsNotFound()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/");

        var response = await browser.PostFormAsync("/?handler=Demo", start, new() { ["Email"] = "incentives@contoso.example" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsAnHttpOnlyLaxSessionCookieAndGoesHome()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/");

        var response = await browser.PostFormAsync("/", start, new() { ["Email"] = World.ContosoIncentives, ["Password"] = World.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cpor.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        var home = await browser.GetAsync("/Home");
        Assert.Equal("/Partner/Claims", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_ShowsTheRefusalInTheBrowsersLanguage()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/", "fr");

        var response = await browser.PostFormAsync("/", start, new() { ["Email"] = World.ContosoIncentives, ["Password"] = "wrong-password-1" }, "fr");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.Equal("L’adresse e-mail ou le mot de passe est incorrect.", page.QuerySelector(".error-summary li")?.TextContent.Trim());
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task SignIn_WithAReturnUrl_GoesBackThere()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/?ReturnUrl=%2FPartner%2FClaims%2FNew");

        var response = await browser.PostFormAsync("/", start, new() { ["Email"] = World.ContosoIncentives, ["Password"] = World.Password, ["ReturnUrl"] = "/Partner/Claims/New" });

        Assert.Equal("/Partner/Claims/New", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithAReturnUrlToAnotherSite_GoesHomeInstead()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/");

        var response = await browser.PostFormAsync("/", start, new() { ["Email"] = World.ContosoIncentives, ["Password"] = World.Password, ["ReturnUrl"] = "https://evil.example/" });

        Assert.Equal("/Home", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PartnerPage_WhenSignedOut_RedirectsToTheSignInPage()
    {
        var response = await app.AnonymousBrowser().GetAsync("/Partner/Claims");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?ReturnUrl=%2FPartner%2FClaims", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Api_WithOnlyTheBrowsersCookie_StillAnswers401ProblemJson()
    {
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var response = await browser.GetAsync("/api/v1/claims", accept: "application/json");

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var browser = await app.BrowserAsync(World.ContosoViewer);
        var page = await browser.GetPageAsync("/Partner/Claims");

        var response = await browser.PostFormAsync("/Account/SignOut", page, []);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Partner/Claims")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        var browser = app.AnonymousBrowser();
        await browser.GetPageAsync("/");

        var response = await browser.Http.PostAsync("/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = World.ContosoIncentives, ["Password"] = World.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("cpor.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminPage_ForAReadOnlyPartnerUser_IsAccessDenied()
    {
        var browser = await app.BrowserAsync(World.ContosoViewer);

        var response = await browser.GetAsync("/Admin/Users");

        UiClient.AssertAccessDenied(response);
    }

    [Fact]
    public async Task Home_ForAReviewer_OpensTheReviewQueueWithoutPartnerPages()
    {
        var browser = await app.BrowserAsync(World.Reviewer);

        var home = await browser.GetAsync("/Home");
        var page = await browser.GetPageAsync(home.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Partner/Claims")).StatusCode);
        Assert.DoesNotContain(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/Partner/Claims");
        Assert.Equal("/Review", page.QuerySelector("nav a[aria-current=page]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task LanguagePicker_RemembersTheChoiceOverAcceptLanguage()
    {
        var browser = app.AnonymousBrowser();
        var start = await browser.GetPageAsync("/");

        var response = await browser.PostFormAsync("/Account/Language", start, new() { ["culture"] = "it", ["returnUrl"] = "/" });
        var page = await browser.GetPageAsync("/", "en");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal("it", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Accedi", page.QuerySelector("h1")?.TextContent);
    }
}
