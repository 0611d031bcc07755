using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Auth;
using Cpor.Web.Features.Claims;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>
/// The product with the standard world (<see cref="World"/>) created through the admin API: two
/// partner organisations, a user per role, and the test directory. Gives each user an HTTP
/// client signed in with a bearer token, and intent-revealing helpers for claims.
/// </summary>
public class ApiFixture : CporAppFactory
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public string ContosoId { get; private set; } = "";

    public string FabrikamId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = await AdminAsync();
        ContosoId = (await PostOkAsync<PartnerResponse>(admin, "/api/v1/admin/partners", new { name = "Contoso" })).Id;
        FabrikamId = (await PostOkAsync<PartnerResponse>(admin, "/api/v1/admin/partners", new { name = "Fabrikam" })).Id;
        await PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{ContosoId}/mpns", new { mpnId = World.ContosoMpn, name = "Paris", programs = new[] { "osa-sell", "osu-bizapps", "osu-m365" } });
        await PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{ContosoId}/mpns", new { mpnId = World.ContosoUnenrolledMpn, name = "Lille", programs = Array.Empty<string>() });
        await PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{FabrikamId}/mpns", new { mpnId = World.FabrikamMpn, name = "Milano", programs = new[] { "osa-sell", "osu-bizapps", "osu-m365" } });

        var import = await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(World.DirectoryNdjson(), Encoding.UTF8, "application/x-ndjson"));
        var report = await OkAsync<JsonElement>(import);
        Assert.Equal(0, report.GetProperty("rejectedCount").GetInt32());

        await UserAsync(admin, World.Reviewer, "Reviewer", null, null);
        await UserAsync(admin, World.ContosoGlobal, "GlobalAdmin", ContosoId, null);
        await UserAsync(admin, World.ContosoIncentives, "IncentivesAdmin", ContosoId, null);
        await UserAsync(admin, World.ContosoBilling, "BillingAdmin", ContosoId, null);
        await UserAsync(admin, World.ContosoViewer, "IncentivesUser", ContosoId, null);
        await UserAsync(admin, World.FabrikamIncentives, "IncentivesAdmin", FabrikamId, null);
        await UserAsync(admin, World.CustomerAdmin, "CustomerAdmin", null, World.Tenant);
        await UserAsync(admin, World.OtherCustomerAdmin, "CustomerAdmin", null, World.OtherTenant);
    }

    /// <summary>An HTTP client signed in as the user (bearer token), speaking <paramref name="language"/>.</summary>
    public async Task<HttpClient> ClientAsync(string email, string password = World.Password, string language = "en")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        if (!_tokens.TryGetValue(email, out var token))
        {
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            token = (await OkAsync<AccessTokenResponse>(login)).AccessToken;
            _tokens[email] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> PartnerAsync(string language = "en") => ClientAsync(World.ContosoIncentives, language: language);

    public Task<HttpClient> ReviewerAsync() => ClientAsync(World.Reviewer);

    public Task<HttpClient> AdminAsync() => ClientAsync(AdminEmail, AdminPassword);

    public async Task<ClaimResponse> CreateDraftAsync(HttpClient client, object? body = null) =>
        await PostOkAsync<ClaimResponse>(client, "/api/v1/claims", body ?? World.M365Claim());

    /// <summary>
    /// A draft that is withdrawn when the test ends, so the next test of the class may claim the
    /// same workload again (an organisation holds one open claim per unit).
    /// </summary>
    public async Task<TemporaryClaim> TemporaryDraftAsync(HttpClient client, object? body = null) =>
        new(client, await CreateDraftAsync(client, body));

    public async Task<AttachmentResponse> AttachAsync(HttpClient client, string claimId, byte[]? content = null, string fileName = "proof.pdf")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content ?? Files.Pdf("Proof of execution")), "file", fileName);
        var response = await client.PostAsync($"/api/v1/claims/{claimId}/attachments", form);
        return await OkAsync<AttachmentResponse>(response);
    }

    public async Task<ClaimResponse> CreateSubmittedClaimAsync(HttpClient client, object? body = null)
    {
        var claim = await CreateDraftAsync(client, body);
        await AttachAsync(client, claim.Id);
        return await PostOkAsync<ClaimResponse>(client, $"/api/v1/claims/{claim.Id}/submit", new { });
    }

    public async Task<ClaimResponse> GetClaimAsync(HttpClient client, string id) =>
        await OkAsync<ClaimResponse>(await client.GetAsync($"/api/v1/claims/{id}"));

    public static async Task<T> PostOkAsync<T>(HttpClient client, string path, object body) =>
        await OkAsync<T>(await client.PostAsJsonAsync(path, body, Json));

    public static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    private static async Task UserAsync(HttpClient admin, string email, string role, string? partnerOrgId, Guid? tenantId) =>
        await PostOkAsync<UserResponse>(admin, "/api/v1/admin/users", new { email, password = World.Password, roles = new[] { role }, partnerOrgId, tenantId = tenantId?.ToString(), language = "en" });
}

/// <summary>A claim withdrawn at the end of the test that created it.</summary>
public sealed class TemporaryClaim(HttpClient client, ClaimResponse claim) : IAsyncDisposable
{
    public ClaimResponse Claim { get; } = claim;

    public string Id => Claim.Id;

    public async ValueTask DisposeAsync() =>
        await client.PostAsJsonAsync($"/api/v1/claims/{Claim.Id}/withdraw", new { });
}
