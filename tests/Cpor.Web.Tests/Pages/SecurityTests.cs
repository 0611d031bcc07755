using System.Net;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Pages;

public class SecurityTests(UiFixture app) : IClassFixture<UiFixture>
{
    [Fact]
    public async Task UiPages_SendTheContentSecurityPolicyNosniffAndReferrerPolicy()
    {
        var response = await app.AnonymousBrowser().GetAsync("/");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/Partner/Claims")]
    [InlineData("/Admin/Users")]
    [InlineData("/Partner/Claims/New")]
    public async Task UiPages_HaveNoInlineScriptOrStyle(string path)
    {
        var browser = await app.BrowserAsync(World.ContosoGlobal);

        var page = await browser.GetPageAsync(path);

        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StaticFiles_AreServedFromTheSiteItself()
    {
        var browser = app.AnonymousBrowser();
        var page = await browser.GetPageAsync("/");

        foreach (var asset in page.QuerySelectorAll("link[rel=stylesheet], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            Assert.StartsWith("/", asset);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(asset, accept: "*/*")).StatusCode);
        }
    }

    [Fact]
    public async Task Comment_WithAScriptTag_IsShownAsText()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("XSS", "onedrive"));
        var browser = await app.BrowserAsync(World.ContosoIncentives);
        var before = await browser.GetPageAsync($"/Partner/Claims/{draft.Id}");
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

        var posted = await browser.PostFormAsync($"/Partner/Claims/{draft.Id}?handler=Comment", before, new() { ["CommentBody"] = hostile });
        var response = await browser.GetAsync($"/Partner/Claims/{draft.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        var page = UiClient.Parse(html);
        Assert.Equal(hostile, page.QuerySelector(".comments .comment .text")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("img[onerror], script:not([src])"));
    }

    [Fact]
    public async Task ClaimPage_OfAnotherOrganisation_AnswersTheNotFoundPage()
    {
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);
        var body = World.M365Claim("Fabrikam's own", "teams");
        body["mpnId"] = World.FabrikamMpn;
        await using var theirs = await app.TemporaryDraftAsync(fabrikam, body);
        var browser = await app.BrowserAsync(World.ContosoIncentives);

        var response = await browser.GetAsync($"/Partner/Claims/{theirs.Id}", "fr");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await UiClient.ParseAsync(response);
        Assert.Equal("Page introuvable", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Fabrikam's own", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentDownload_FromTheClaimPage_IsSandboxedAndNotCached()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Download", "sharepoint-online"));
        var attachment = await app.AttachAsync(partner, draft.Id);
        var browser = await app.BrowserAsync(World.ContosoViewer);

        var response = await browser.GetAsync($"/Partner/Claims/{draft.Id}?handler=Download&attachmentId={attachment.Id}", accept: "*/*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("default-src 'none'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("proof.pdf", response.Content.Headers.ContentDisposition?.FileName);
    }
}
