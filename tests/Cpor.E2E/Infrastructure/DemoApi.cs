using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.E2E.Infrastructure;

/// <summary>
/// Sets the stage for a browser test through the product's own API, as a partner, a reviewer or
/// the program admin would: claims in the status the test starts from, and customer admins.
/// </summary>
public sealed class DemoApi(BrowserApp app)
{
    public const string Reviewer = "reviewer@cpor.example";

    /// <summary>A Microsoft 365 usage claim on <paramref name="customer"/>, with a PoE file, submitted by the partner user.</summary>
    public async Task<string> SubmittedClaimAsync(string partnerEmail, string mpnId, DemoCustomer customer, string name)
    {
        var id = await DraftClaimAsync(partnerEmail, mpnId, customer, name);
        var partner = await ClientAsync(partnerEmail);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Files.Pdf("Proof of execution - " + name)), "file", "proof-of-execution.pdf" } };
        await ReadAsync(await partner.PostAsync($"/api/v1/claims/{id}/attachments", form));
        await ReadAsync(await partner.PostAsJsonAsync($"/api/v1/claims/{id}/submit", new { }));
        return id;
    }

    /// <summary>A Microsoft 365 usage claim on <paramref name="customer"/>, a Draft without PoE files yet.</summary>
    public async Task<string> DraftClaimAsync(string partnerEmail, string mpnId, DemoCustomer customer, string name)
    {
        var partner = await ClientAsync(partnerEmail);
        var productId = await app.WithDbAsync(db => db.Products.Where(p => p.Name == customer.ProductName).Select(p => p.Id).SingleAsync());
        var draft = await ReadAsync(await partner.PostAsJsonAsync("/api/v1/claims", new
        {
            name,
            mpnId,
            tenantId = customer.TenantId,
            customerDomain = customer.Domain,
            solutionArea = "Microsoft365",
            activity = "Usage",
            products = new[] { new { productId } },
            customerContact = new { name = "Morgan Lee", title = "IT Director", email = "morgan.lee@" + customer.Domain },
            partnerContact = new { name = "Partner contact", email = partnerEmail },
        }));
        return draft.GetProperty("id").GetString()!;
    }

    /// <summary>Starts the review and approves, as the demo reviewer: the customer's consent window opens.</summary>
    public async Task ApproveAsync(string claimId)
    {
        var reviewer = await ClientAsync(Reviewer);
        await ReadAsync(await reviewer.PostAsJsonAsync($"/api/v1/claims/{claimId}/review/start", new { }));
        await ReadAsync(await reviewer.PostAsJsonAsync($"/api/v1/claims/{claimId}/review/approve", new { }));
    }

    /// <summary>A customer admin of the tenant who reads the product in <paramref name="language"/>.</summary>
    public async Task CustomerAdminAsync(string tenantId, string email, string language)
    {
        var admin = await ClientAsync(CporAppFactory.AdminEmail, CporAppFactory.AdminPassword);
        await ReadAsync(await admin.PostAsJsonAsync("/api/v1/admin/users", new
        {
            email, password = BrowserFixture.DemoPassword, roles = new[] { "CustomerAdmin" }, tenantId, language, displayName = "IT " + email,
        }));
    }

    private async Task<HttpClient> ClientAsync(string email, string password = BrowserFixture.DemoPassword)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var login = await ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
