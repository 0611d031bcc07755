using System.Net;
using System.Net.Http.Json;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Claims;

public class ClaimWalkthroughTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Partner_CreatesAttachesSubmitsEditsAndWithdraws_AndHistoryShowsEveryStep()
    {
        var partner = await app.PartnerAsync();

        var draft = await app.CreateDraftAsync(partner, World.M365Claim("Walkthrough"));
        Assert.Equal(ClaimStatus.Draft, draft.Status);

        var attachment = await app.AttachAsync(partner, draft.Id);
        Assert.Equal("application/pdf", attachment.ContentType);

        var submitted = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{draft.Id}/submit", new { });
        Assert.Equal(ClaimStatus.Submitted, submitted.Status);
        Assert.Equal(app.Clock.Now.AddDays(7), submitted.DueAt); // five business days from a Monday

        // Allowed in Submitted: contacts and MPN ID.
        var edit = Patch(draft.Id, ETags.For(submitted.Version), new { customerContact = new { name = "Bo Chen", title = "CTO", email = "bo.chen@customer.test" } });
        var edited = await ApiFixture.OkAsync<ClaimResponse>(await partner.SendAsync(edit));
        Assert.Equal("Bo Chen", edited.CustomerContact.Name);

        // Not allowed in Submitted: the name.
        var refused = await partner.SendAsync(Patch(draft.Id, ETags.For(edited.Version), new { name = "Renamed" }));
        await Problem.AssertAsync(refused, HttpStatusCode.Conflict, ErrorCodes.FieldNotEditable, "name");
        Assert.Equal("Walkthrough", (await app.GetClaimAsync(partner, draft.Id)).Name);

        var withdrawn = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{draft.Id}/withdraw", new { comment = "Wrong activity" });
        Assert.Equal(ClaimStatus.Rejected, withdrawn.Status);
        Assert.Equal("PartnerRequest", withdrawn.StatusReason);

        var history = await ApiFixture.OkAsync<Page<HistoryEntryResponse>>(await partner.GetAsync($"/api/v1/claims/{draft.Id}/history"));
        Assert.Equal(["Created", "AttachmentAdded", "Submit", "Edited", "Withdraw"], history.Items.Select(h => h.Action));
        Assert.All(history.Items, h => Assert.Equal(ActorKind.Partner, h.Actor.Kind));
        Assert.All(history.Items, h => Assert.Equal("incentives@contoso.test", h.Actor.Name));
        Assert.Contains(history.Items[0].Changes, c => c is { Field: "name", Old: null, New: "Walkthrough" });
        Assert.Equal("proof.pdf", history.Items[1].Changes.Single().New);
        Assert.Equal((ClaimStatus.Draft, ClaimStatus.Submitted), (history.Items[2].FromStatus!.Value, history.Items[2].ToStatus!.Value));
        Assert.Contains(history.Items[3].Changes, c => c is { Field: "customerContact.name", Old: "Ann Lee", New: "Bo Chen" });
        Assert.Equal("PartnerRequest", history.Items[4].Reason);
        Assert.Equal("Wrong activity", history.Items[4].Comment);
    }

    [Fact]
    public async Task Get_ReturnsTheETag_AndIfNoneMatchAnswers304()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("ETag", "exchange-online"));

        var response = await partner.GetAsync($"/api/v1/claims/{draft.Id}");
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/claims/{draft.Id}");
        conditional.Headers.IfNoneMatch.ParseAdd("\"1\"");
        Assert.Equal(HttpStatusCode.NotModified, (await partner.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_IsPreconditionRequired()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("No If-Match", "sharepoint-online"));

        var response = await partner.SendAsync(Patch(draft.Id, null, new { name = "x" }));

        await Problem.AssertAsync(response, (HttpStatusCode)428, ErrorCodes.IfMatchRequired);
    }

    [Fact]
    public async Task Comments_AreReadBackOldestFirst_AndRecordedInHistory()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Comments", "onedrive"));

        await ApiFixture.PostOkAsync<CommentResponse>(partner, $"/api/v1/claims/{draft.Id}/comments", new { body = "First" });
        // Same instant on the frozen clock: the order must still be the order they were written in.
        await ApiFixture.PostOkAsync<CommentResponse>(partner, $"/api/v1/claims/{draft.Id}/comments", new { body = "<script>alert(1)</script>" });

        var comments = await ApiFixture.OkAsync<Page<CommentResponse>>(await partner.GetAsync($"/api/v1/claims/{draft.Id}/comments"));
        Assert.Equal(["First", "<script>alert(1)</script>"], comments.Items.Select(c => c.Body));
        var history = await ApiFixture.OkAsync<Page<HistoryEntryResponse>>(await partner.GetAsync($"/api/v1/claims/{draft.Id}/history"));
        Assert.Equal(2, history.Items.Count(h => h.Action == "CommentAdded"));
    }

    [Fact]
    public async Task Attachment_DownloadsWithSafeHeaders()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Download", "teams", "exchange-online"));
        var content = Files.Pdf("Download me");
        var attachment = await app.AttachAsync(partner, draft.Id, content, "signed proof.pdf");

        var response = await partner.GetAsync($"/api/v1/claims/{draft.Id}/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), attachment.Sha256);

        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/api/v1/claims/{draft.Id}/attachments/{attachment.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/v1/claims/{draft.Id}/attachments/{attachment.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("letter.docx")]
    [InlineData("photo.png")]
    [InlineData("confirmation.eml")]
    public async Task Attachment_OfficeImagesAndEmail_AreAccepted(string fileName)
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Types " + fileName, "teams", "onedrive", "sharepoint-online"));
        var content = Path.GetExtension(fileName) switch { ".docx" => Files.Docx(), ".png" => Files.Png(), _ => Files.Eml() };

        var attachment = await app.AttachAsync(partner, draft.Id, content, fileName);

        Assert.Equal(fileName, attachment.FileName);
    }

    [Fact]
    public async Task PoeTemplate_IsAWordDocumentInTheCallersLanguage()
    {
        var partner = await app.PartnerAsync("it");

        var response = await partner.GetAsync("/api/v1/poe-template");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        Assert.Contains("Prova di esecuzione", await reader.ReadToEndAsync());
        var (type, error) = PoeFileTypes.Detect(new MemoryStream(bytes), "poe-template.docx");
        Assert.Null(error);
        Assert.Equal(PoeTemplate.ContentType, type);
    }

    private static HttpRequestMessage Patch(string id, string? etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/claims/{id}") { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.ParseAdd(etag);
        }

        return request;
    }
}
