using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>Every bad input gets a 4xx problem with a stable code, and changes nothing.</summary>
public class BadInputTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Upload_25MB_IsAttachmentTooLarge_AndChangesNothing()
    {
        var (partner, draft, before) = await DraftAsync("Too large");
        await using var _ = draft;
        var claimId = draft.Id;
        using var form = new MultipartFormDataContent();
        var big = new byte[25 * 1024 * 1024];
        Files.Pdf("x").CopyTo(big, 0);
        form.Add(new ByteArrayContent(big), "file", "huge.pdf");

        var response = await partner.PostAsync($"/api/v1/claims/{claimId}/attachments", form);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "attachment_too_large");
        await AssertUnchangedAsync(claimId, before);
    }

    [Fact]
    public async Task Upload_ExecutableRenamedPdf_IsTypeNotAllowed_AndChangesNothing()
    {
        var (partner, draft, before) = await DraftAsync("Renamed exe");
        await using var _ = draft;
        var claimId = draft.Id;

        var response = await Upload(partner, claimId, Files.Executable(), "invoice.pdf");

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "attachment_type_not_allowed", "file");
        await AssertUnchangedAsync(claimId, before);
    }

    [Fact]
    public async Task Upload_PlainZipRenamedDocx_IsTypeNotAllowed()
    {
        var (partner, draft, before) = await DraftAsync("Renamed zip");
        await using var _ = draft;
        var claimId = draft.Id;

        var response = await Upload(partner, claimId, Files.Zip(), "contract.docx");

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "attachment_type_not_allowed");
        await AssertUnchangedAsync(claimId, before);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini.pdf")]
    [InlineData("/etc/shadow.pdf")]
    [InlineData(".hidden.pdf")]
    public async Task Upload_PathTraversalFileName_IsRefused_AndChangesNothing(string fileName)
    {
        var (partner, draft, before) = await DraftAsync("Traversal " + fileName);
        await using var _ = draft;
        var claimId = draft.Id;

        var response = await Upload(partner, claimId, Files.Pdf("x"), fileName);

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "attachment_name_invalid", "file");
        await AssertUnchangedAsync(claimId, before);
    }

    [Fact]
    public async Task Create_MalformedJson_IsMalformedJson_AndCreatesNothing()
    {
        var partner = await app.PartnerAsync();
        var count = await ClaimCountAsync();

        var response = await partner.PostAsync("/api/v1/claims", new StringContent("{\"name\": \"x\",", Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "malformed_json");
        Assert.Equal(count, await ClaimCountAsync());
    }

    [Fact]
    public async Task Create_WrongJsonType_IsMalformedJsonOnThatField()
    {
        var partner = await app.PartnerAsync();

        var response = await partner.PostAsync("/api/v1/claims", new StringContent("{\"name\": 12}", Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "malformed_json", "name");
    }

    [Fact]
    public async Task Create_OneMegabyteName_IsValueTooLong_AndCreatesNothing()
    {
        var partner = await app.PartnerAsync();
        var count = await ClaimCountAsync();
        var body = World.M365Claim(new string('n', 1024 * 1024));

        var response = await partner.PostAsJsonAsync("/api/v1/claims", body);

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "value_too_long", "name");
        Assert.Equal(count, await ClaimCountAsync());
    }

    [Fact]
    public async Task Create_InvalidTenantGuid_IsTenantIdInvalid_AndCreatesNothing()
    {
        var partner = await app.PartnerAsync();
        var count = await ClaimCountAsync();
        var body = World.M365Claim();
        body["tenantId"] = "10000000-0000-4000-8000-00000000000Z";

        var response = await partner.PostAsJsonAsync("/api/v1/claims", body);

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "tenant_id_invalid", "tenantId");
        Assert.Equal(count, await ClaimCountAsync());
    }

    [Fact]
    public async Task Patch_MalformedJson_ChangesNothing()
    {
        var (partner, draft, before) = await DraftAsync("Malformed patch");
        await using var _ = draft;
        var claimId = draft.Id;
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/claims/{claimId}") { Content = new StringContent("[1,", Encoding.UTF8, "application/json") };
        request.Headers.IfMatch.ParseAdd("\"1\"");

        var response = await partner.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "malformed_json");
        await AssertUnchangedAsync(claimId, before);
    }

    [Fact]
    public async Task Create_NulCharacterInAContact_IsValueInvalid()
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim();
        body["customerContact"] = new { name = "Ann\u0000Lee", title = "CIO", email = "ann@customer.test" };

        var response = await partner.PostAsJsonAsync("/api/v1/claims", body);

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "value_invalid", "customerContact.name");
    }

    [Fact]
    public async Task UnknownRouteAndMissingToken_AreProblems()
    {
        var anonymous = app.CreateClient();
        await Problem.AssertAsync(await anonymous.GetAsync("/api/v1/claims"), HttpStatusCode.Unauthorized, "unauthorized");
        var partner = await app.PartnerAsync();
        await Problem.AssertAsync(await partner.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await partner.GetAsync("/api/v1/claims?status=Nope"), HttpStatusCode.BadRequest, "filter_invalid", "status");
        await Problem.AssertAsync(await partner.GetAsync("/api/v1/claims?cursor=garbage"), HttpStatusCode.BadRequest, "cursor_invalid");
    }

    [Theory]
    [InlineData("/api/v1/claims?statuz=Draft", "statuz")]
    [InlineData("/api/v1/claims?format=csv", "format")]
    [InlineData("/api/v1/claims/export.csv?status=Draft&Limit2=5", "Limit2")]
    [InlineData("/api/v1/claims/clm_none/history?page=2", "page")]
    [InlineData("/api/v1/claims/clm_none/comments?sort=newest", "sort")]
    [InlineData("/api/v1/claims/clm_none?id=clm_other", "id")]
    public async Task List_UnknownQueryParameter_IsUnknownParameterNamingIt(string url, string parameter)
    {
        var partner = await app.PartnerAsync("fr");

        var body = await Problem.AssertAsync(await partner.GetAsync(url), HttpStatusCode.BadRequest, "unknown_parameter", parameter);

        Assert.Contains(parameter, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_KnownParametersPagingAndLanguage_AreAccepted()
    {
        var partner = await app.PartnerAsync();

        var response = await partner.GetAsync("/api/v1/claims?status=Draft&q=x&sort=createdAt&limit=5&culture=fr&ui-culture=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(HttpClient Partner, TemporaryClaim Draft, (int Version, int Attachments, int Events) Before)> DraftAsync(string name)
    {
        var partner = await app.PartnerAsync();
        var draft = await app.TemporaryDraftAsync(partner, World.M365Claim(name));
        return (partner, draft, await SnapshotAsync(draft.Id));
    }

    private Task<(int, int, int)> SnapshotAsync(string claimId) => app.WithDbAsync(async db => (
        await db.Claims.Where(c => c.Id == claimId).Select(c => c.Version).SingleAsync(),
        await db.ClaimAttachments.CountAsync(a => a.ClaimId == claimId),
        await db.ClaimEvents.CountAsync(e => e.ClaimId == claimId)));

    private async Task AssertUnchangedAsync(string claimId, (int, int, int) before) =>
        Assert.Equal(before, await SnapshotAsync(claimId));

    private Task<int> ClaimCountAsync() => app.WithDbAsync(db => db.Claims.CountAsync());

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string claimId, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        // Set the raw header so the test controls the exact file name sent.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName.Replace("\\", "\\\\", StringComparison.Ordinal)}\"");
        form.Add(file);
        return await client.PostAsync($"/api/v1/claims/{claimId}/attachments", form);
    }
}
