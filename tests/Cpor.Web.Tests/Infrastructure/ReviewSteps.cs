using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Scheduler;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>A tenant made for one test, so its workloads are free whatever other tests claimed.</summary>
public sealed record TestTenant(Guid Id, string Domain, string Name);

/// <summary>Intent-revealing steps of the review workflow, the customer's side and the clock, over HTTP.</summary>
public static class ReviewSteps
{
    public static async Task<TestTenant> NewTenantAsync(this ApiFixture app, params string[] workloads)
    {
        var id = Guid.NewGuid();
        var domain = $"t{id:N}"[..13] + ".test";
        var name = "Tenant " + domain;
        var line = JsonSerializer.Serialize(new
        {
            type = "tenant", tenantId = id, name, country = "FR", domains = new[] { domain },
            workloads = workloads.Length == 0 ? ["teams", "exchange-online", "sharepoint-online", "onedrive"] : workloads,
        });
        await ImportAsync(app, line);
        return new TestTenant(id, domain, name);
    }

    /// <summary>Imports directory records (JSON lines) as the program admin.</summary>
    public static async Task ImportAsync(this ApiFixture app, params string[] lines)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/admin/directory/import", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        var report = await ApiFixture.OkAsync<JsonElement>(response);
        Assert.Equal(0, report.GetProperty("rejectedCount").GetInt32());
    }

    /// <summary>A customer admin of <paramref name="tenant"/>, signed in.</summary>
    public static async Task<HttpClient> CustomerAdminAsync(this ApiFixture app, Guid tenant, string email, string language = "en")
    {
        var admin = await app.AdminAsync();
        await ApiFixture.PostOkAsync<UserResponse>(admin, "/api/v1/admin/users", new
        {
            email, password = World.Password, roles = new[] { "CustomerAdmin" }, tenantId = tenant.ToString(), language, displayName = "Admin " + email,
        });
        return await app.ClientAsync(email);
    }

    /// <summary>A Microsoft 365 usage claim of Contoso on the tenant.</summary>
    public static Dictionary<string, object?> M365ClaimOn(TestTenant tenant, string name, string workload = "teams")
    {
        var claim = World.M365Claim(name, workload);
        claim["tenantId"] = tenant.Id.ToString();
        claim["customerDomain"] = tenant.Domain;
        return claim;
    }

    /// <summary>The same claim naming these workloads.</summary>
    public static Dictionary<string, object?> WithProducts(this Dictionary<string, object?> claim, params string[] workloads)
    {
        claim["products"] = workloads.Select(w => new Dictionary<string, object?> { ["productId"] = w }).ToArray();
        return claim;
    }

    /// <summary>The same claim as Fabrikam files it.</summary>
    public static Dictionary<string, object?> AsFabrikam(this Dictionary<string, object?> claim)
    {
        claim["mpnId"] = World.FabrikamMpn;
        return claim;
    }

    public static Task<HttpClient> FabrikamAsync(this ApiFixture app) => app.ClientAsync(World.FabrikamIncentives);

    public static async Task<ClaimResponse> InReviewClaimAsync(this ApiFixture app, HttpClient partner, object body)
    {
        var claim = await app.CreateSubmittedClaimAsync(partner, body);
        return await (await app.ReviewerAsync()).StartReviewAsync(claim.Id);
    }

    public static async Task<ClaimResponse> ApprovedClaimAsync(this ApiFixture app, HttpClient partner, object body)
    {
        var claim = await app.InReviewClaimAsync(partner, body);
        return await (await app.ReviewerAsync()).ApproveAsync(claim.Id);
    }

    public static Task<ClaimResponse> StartReviewAsync(this HttpClient reviewer, string id) =>
        ApiFixture.PostOkAsync<ClaimResponse>(reviewer, $"/api/v1/claims/{id}/review/start", new { });

    public static Task<ClaimResponse> RequestInfoAsync(this HttpClient reviewer, string id, string[] reasons, string? comment = null) =>
        ApiFixture.PostOkAsync<ClaimResponse>(reviewer, $"/api/v1/claims/{id}/review/request-info", new { reasons, comment });

    public static Task<ClaimResponse> ApproveAsync(this HttpClient reviewer, string id, bool supersede = false, string? comment = null) =>
        ApiFixture.PostOkAsync<ClaimResponse>(reviewer, $"/api/v1/claims/{id}/review/approve", new { supersede, comment });

    public static Task<ClaimResponse> RejectAsync(this HttpClient reviewer, string id, string reason = "InsufficientPoe", string? comment = null) =>
        ApiFixture.PostOkAsync<ClaimResponse>(reviewer, $"/api/v1/claims/{id}/review/reject", new { reason, comment });

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, ApiFixture.Json);

    public static async Task<List<HistoryEntryResponse>> HistoryAsync(this HttpClient client, string id) =>
        [.. (await ApiFixture.OkAsync<Cpor.Web.Infrastructure.Page<HistoryEntryResponse>>(await client.GetAsync($"/api/v1/claims/{id}/history?limit=200"))).Items];

    /// <summary>One pass of the clock, as the background service would run it.</summary>
    public static Task<IReadOnlyList<AppliedTransition>> RunClockAsync(this CporAppFactory app) =>
        app.Services.GetRequiredService<ClaimScheduler>().RunDueAsync(CancellationToken.None);
}
