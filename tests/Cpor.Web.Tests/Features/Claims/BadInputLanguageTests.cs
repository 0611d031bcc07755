using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using System.Text;
using System.Text.Json;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>
/// Problems written outside the endpoints (the status pages, the exception handler) and the
/// names inside a sentence (statuses, actions) speak the caller's language, and say where the
/// request went.
/// </summary>
public class BadInputLanguageTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static readonly ResourceManager UiText = new("Cpor.Web.Resources.UiText", typeof(Program).Assembly);

    public static TheoryData<string> Languages() => ["fr", "it"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Unauthenticated_IsUnauthorized_InTheCallersLanguage(string language)
    {
        var texts = await InEachLanguageAsync(language, async lang =>
        {
            var anonymous = app.CreateClient();
            anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
            return await Problem.AssertAsync(await anonymous.GetAsync("/api/v1/claims"), HttpStatusCode.Unauthorized, "unauthorized");
        });

        AssertTranslated(texts);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MalformedJson_IsInTheCallersLanguage_AndNamesTheRequestedPath(string language)
    {
        var texts = await InEachLanguageAsync(language, async lang =>
        {
            var partner = await app.PartnerAsync(lang);
            var body = await Problem.AssertAsync(await partner.PostAsync("/api/v1/claims", new StringContent("{\"name\": \"x\",", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "malformed_json");
            Assert.Equal("/api/v1/claims", body.GetProperty("instance").GetString());
            return body;
        });

        AssertTranslated(texts);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task InvalidTransition_NamesTheStatusAndActionInTheCallersLanguage(string language)
    {
        var partner = await app.PartnerAsync();
        await using var claim = await app.TemporaryDraftAsync(partner, World.M365Claim("Submitted twice " + language));
        await app.AttachAsync(partner, claim.Id);
        await ApiFixture.PostOkAsync<JsonElement>(partner, $"/api/v1/claims/{claim.Id}/submit", new { });

        var texts = await InEachLanguageAsync(language, async lang =>
            await Problem.AssertAsync(await (await app.PartnerAsync(lang)).PostAsJsonAsync($"/api/v1/claims/{claim.Id}/submit", new { }), HttpStatusCode.Conflict, "invalid_transition"));

        AssertTranslated(texts);
        var detail = texts.Translated.GetProperty("detail").GetString()!;
        Assert.Contains(StatusName("Submitted", language), detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Submitted", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Submit", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EditLockedField_NamesTheClaimsStatusInTheCallersLanguage(string language)
    {
        var partner = await app.PartnerAsync();
        await using var claim = await app.TemporaryDraftAsync(partner, World.M365Claim("Locked name " + language));
        await app.AttachAsync(partner, claim.Id);
        var submitted = await ApiFixture.PostOkAsync<JsonElement>(partner, $"/api/v1/claims/{claim.Id}/submit", new { });
        var version = submitted.GetProperty("version").GetInt32();

        var texts = await InEachLanguageAsync(language, async lang =>
            await Problem.AssertAsync(await PatchAsync(await app.PartnerAsync(lang), claim.Id, version, "{\"name\": \"Renamed\"}"), HttpStatusCode.Conflict, "field_not_editable", "name"));

        AssertTranslated(texts);
        var detail = texts.Translated.GetProperty("detail").GetString()!;
        Assert.Contains(StatusName("Submitted", language), detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Submitted", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditRejectedClaim_SaysNothingMayChange_NotWhatSubmittedClaimsAccept()
    {
        var partner = await app.PartnerAsync();
        var draft = await app.CreateDraftAsync(partner, World.M365Claim("Withdrawn then edited"));
        var withdrawn = await ApiFixture.PostOkAsync<JsonElement>(partner, $"/api/v1/claims/{draft.Id}/withdraw", new { });
        Assert.Equal("Rejected", withdrawn.GetProperty("status").GetString());

        var body = await Problem.AssertAsync(await PatchAsync(partner, draft.Id, withdrawn.GetProperty("version").GetInt32(), "{\"mpnId\": \"" + World.ContosoUnenrolledMpn + "\"}"), HttpStatusCode.Conflict, "field_not_editable", "mpnId");

        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains("“Rejected”", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Submitted", detail, StringComparison.Ordinal);
        Assert.Contains("No field can be changed", detail, StringComparison.Ordinal);
    }

    private static string StatusName(string status, string language) =>
        UiText.GetString("status." + status, CultureInfo.GetCultureInfo(language))!;

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string claimId, int version, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/claims/{claimId}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.ParseAdd($"\"{version}\"");
        return await client.SendAsync(request);
    }

    /// <summary>The same refusal in English and in <paramref name="language"/>.</summary>
    private static async Task<(JsonElement English, JsonElement Translated)> InEachLanguageAsync(string language, Func<string, Task<JsonElement>> refuse) =>
        (await refuse("en"), await refuse(language));

    private static void AssertTranslated((JsonElement English, JsonElement Translated) texts)
    {
        foreach (var property in new[] { "title", "detail" })
        {
            var english = texts.English.GetProperty(property).GetString();
            var translated = texts.Translated.GetProperty(property).GetString();
            Assert.True(english != translated, $"{property} still in English: {translated}");
        }
    }
}
