using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>
/// A browser without script for the web UI: it keeps its cookies, reads pages as HTML documents,
/// and posts forms with the antiforgery token of the page they came from. Redirects are not
/// followed, so a test sees where the UI sends the browser.
/// </summary>
public sealed class UiClient(HttpClient http)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    /// <summary>The UI sent the browser to the access denied page.</summary>
    public static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    public static UiClient Anonymous(CporAppFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task<UiClient> SignInAsync(CporAppFactory app, string email, string password)
    {
        var client = Anonymous(app);
        var start = await client.GetPageAsync("/");
        var response = await client.PostFormAsync("/", start, new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string language = "en", string accept = "text/html")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        request.Headers.Accept.ParseAdd(accept);
        return await http.SendAsync(request);
    }

    /// <summary>A page that must answer 200, as a document.</summary>
    public async Task<IDocument> GetPageAsync(string path, string language = "en")
    {
        var response = await GetAsync(path, language);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 300)]}");
        return Parse(html);
    }

    /// <summary>Posts fields with the antiforgery token of <paramref name="from"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        string path, IDocument from, Dictionary<string, string> fields, string language = "en", IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        var values = fields.ToList();
        values.AddRange(more ?? []);
        values.Add(new(AntiforgeryField, TokenOf(from)));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        request.Headers.Accept.ParseAdd("text/html");
        return await http.SendAsync(request);
    }

    /// <summary>Posts a multipart form (files), as the drop zone's script does when <paramref name="fromScript"/>.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(
        string path, IDocument from, string field, IEnumerable<(string FileName, byte[] Content)> files, bool fromScript, string language = "en")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(TokenOf(from)), AntiforgeryField);

        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, field, fileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (fromScript)
        {
            request.Headers.Add("X-Requested-With", "fetch");
        }

        return await http.SendAsync(request);
    }

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    private static string TokenOf(IDocument page) =>
        page.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value") ?? throw new InvalidOperationException("The page has no antiforgery token.");
}
