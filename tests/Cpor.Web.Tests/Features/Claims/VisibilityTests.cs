using System.Net;
using System.Net.Http.Json;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>A partner never learns that another organisation's claim exists: 404 everywhere. Roles: 403 when visible but not allowed.</summary>
public class VisibilityTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AnotherOrganisationsClaim_Is404OnEveryEndpoint()
    {
        var contoso = await app.PartnerAsync();
        var claim = await app.CreateDraftAsync(contoso, World.M365Claim("Private", "sharepoint-online"));
        var attachment = await app.AttachAsync(contoso, claim.Id);
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);
        var path = $"/api/v1/claims/{claim.Id}";

        using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { name = "x" }) };
        patch.Headers.IfMatch.ParseAdd("\"2\"");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Files.Pdf("x")), "file", "x.pdf" } };
        var responses = new[]
        {
            await fabrikam.GetAsync(path),
            await fabrikam.SendAsync(patch),
            await fabrikam.PostAsync($"{path}/attachments", form),
            await fabrikam.GetAsync($"{path}/attachments/{attachment.Id}"),
            await fabrikam.DeleteAsync($"{path}/attachments/{attachment.Id}"),
            await fabrikam.PostAsJsonAsync($"{path}/submit", new { }),
            await fabrikam.PostAsJsonAsync($"{path}/withdraw", new { }),
            await fabrikam.PostAsJsonAsync($"{path}/dispute", new { justification = "x" }),
            await fabrikam.GetAsync($"{path}/comments"),
            await fabrikam.PostAsJsonAsync($"{path}/comments", new { body = "hello" }),
            await fabrikam.GetAsync($"{path}/history"),
        };

        foreach (var response in responses)
        {
            await Problem.AssertAsync(response, HttpStatusCode.NotFound, "not_found");
        }

        var list = await ApiFixture.OkAsync<Page<ClaimResponse>>(await fabrikam.GetAsync("/api/v1/claims?limit=200"));
        Assert.DoesNotContain(list.Items, c => c.Id == claim.Id);
        var csv = await (await fabrikam.GetAsync("/api/v1/claims/export.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(claim.Id, csv);
        Assert.Equal(Cpor.Domain.ClaimStatus.Draft, (await app.GetClaimAsync(contoso, claim.Id)).Status);
        await contoso.PostAsJsonAsync($"{path}/withdraw", new { });
    }

    [Fact]
    public async Task Reviewer_SeesEveryOrganisationsClaims()
    {
        var contoso = await app.PartnerAsync();
        await using var claim = await app.TemporaryDraftAsync(contoso, World.M365Claim("Seen by reviewer", "teams"));
        var reviewer = await app.ReviewerAsync();

        Assert.Equal(claim.Id, (await app.GetClaimAsync(reviewer, claim.Id)).Id);
        var filtered = await ApiFixture.OkAsync<Page<ClaimResponse>>(await reviewer.GetAsync($"/api/v1/claims?partnerOrgId={app.ContosoId}&limit=200"));
        Assert.Contains(filtered.Items, c => c.Id == claim.Id);
        Assert.All(filtered.Items, c => Assert.Equal(app.ContosoId, c.PartnerOrgId));
    }

    [Fact]
    public async Task CustomerAdminAndProgramAdmin_SeeNoClaimsThroughThePartnerApi()
    {
        var contoso = await app.PartnerAsync();
        await using var claim = await app.TemporaryDraftAsync(contoso, World.M365Claim("Not for customers", "exchange-online"));

        var customer = await app.ClientAsync(World.CustomerAdmin);
        await Problem.AssertAsync(await customer.GetAsync($"/api/v1/claims/{claim.Id}"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await customer.GetAsync("/api/v1/claims"), HttpStatusCode.Forbidden, "forbidden");
        var admin = await app.AdminAsync();
        await Problem.AssertAsync(await admin.GetAsync($"/api/v1/claims/{claim.Id}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task IncentivesUser_ReadsButCannotChange()
    {
        var contoso = await app.PartnerAsync();
        await using var claim = await app.TemporaryDraftAsync(contoso, World.M365Claim("Read only", "onedrive"));
        var viewer = await app.ClientAsync(World.ContosoViewer);

        Assert.Equal(claim.Id, (await app.GetClaimAsync(viewer, claim.Id)).Id);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/claims/{claim.Id}/history")).StatusCode);
        await Problem.AssertAsync(await viewer.PostAsJsonAsync("/api/v1/claims", World.M365Claim("Viewer", "teams")), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await viewer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/withdraw", new { }), HttpStatusCode.Forbidden, "forbidden");
        await Problem.AssertAsync(await viewer.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/comments", new { body = "hi" }), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task BillingAdmin_ManagesButDoesNotCreateOrSubmit()
    {
        var contoso = await app.PartnerAsync();
        await using var claim = await app.TemporaryDraftAsync(contoso, World.M365Claim("Billing", "sharepoint-online"));
        var billing = await app.ClientAsync(World.ContosoBilling);

        await Problem.AssertAsync(await billing.PostAsJsonAsync("/api/v1/claims", World.M365Claim("By billing", "exchange-online")), HttpStatusCode.Forbidden, "forbidden");
        await app.AttachAsync(billing, claim.Id);
        await Problem.AssertAsync(await billing.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/submit", new { }), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Created, (await billing.PostAsJsonAsync($"/api/v1/claims/{claim.Id}/comments", new { body = "ok" })).StatusCode);
    }
}
