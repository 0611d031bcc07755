using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>PoE may be added in every status but Ended (CPOR.md §5).</summary>
public class AttachmentStatusTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private async Task<ClaimResponse> ActiveClaimAsync(HttpClient partner, string name)
    {
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), name));
        app.Clock.Advance(approved.ConsentEndsAt!.Value - app.Clock.Now + TimeSpan.FromMinutes(1));
        await app.RunClockAsync();
        var active = await app.GetClaimAsync(partner, approved.Id);
        Assert.Equal(ClaimStatus.Active, active.Status);
        return active;
    }

    [Fact]
    public async Task Upload_ToAnApprovedClaim_AddsTheProof()
    {
        var partner = await app.PartnerAsync();
        var approved = await app.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Proof while approved"));

        var file = await app.AttachAsync(partner, approved.Id, fileName: "countersigned.pdf");

        var claim = await app.GetClaimAsync(partner, approved.Id);
        Assert.Equal(ClaimStatus.Approved, claim.Status);
        Assert.Contains(claim.Attachments, a => a.Id == file.Id);
    }

    [Fact]
    public async Task Upload_ToAnActiveAssociation_AddsTheProof_AndTheHistorySaysSo()
    {
        var partner = await app.PartnerAsync();
        var active = await ActiveClaimAsync(partner, "Proof while active");

        var file = await app.AttachAsync(partner, active.Id, fileName: "usage-report.pdf");

        Assert.Equal(2, (await app.GetClaimAsync(partner, active.Id)).Attachments.Count);
        var line = (await partner.HistoryAsync(active.Id))[^1];
        Assert.Equal(("AttachmentAdded", ClaimStatus.Active), (line.Action, (await app.GetClaimAsync(partner, active.Id)).Status));
        Assert.Equal("usage-report.pdf", file.FileName);
    }

    [Fact]
    public async Task Upload_ToAnEndedAssociation_IsFieldNotEditable_AndChangesNothing()
    {
        var partner = await app.PartnerAsync();
        var active = await ActiveClaimAsync(partner, "Proof after the end");
        var ended = await ApiFixture.PostOkAsync<ClaimResponse>(partner, $"/api/v1/claims/{active.Id}/withdraw", new { });
        Assert.Equal(ClaimStatus.Ended, ended.Status);

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Files.Pdf("Too late")), "file", "late.pdf");
        var response = await partner.PostAsync($"/api/v1/claims/{active.Id}/attachments", form);

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.FieldNotEditable, "attachments");
        Assert.Equal(ended.Version, (await app.GetClaimAsync(partner, active.Id)).Version);
    }
}
