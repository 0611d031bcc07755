using System.Net;
using System.Text;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Review;

public class ReviewBadInputTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task RequestInfo_WithAnUnknownReason_Is422ReasonInvalid_AndChangesNothing()
    {
        var claim = await InReviewAsync("Unknown reason");

        var response = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{claim.Id}/review/request-info", new { reasons = new[] { "PoeMissing", "Bribe" }, comment = "x" });

        var body = await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.ReasonInvalid, "reasons");
        Assert.Contains("Bribe", body.GetProperty("detail").GetString());
        await AssertUnchangedAsync(claim);
    }

    [Theory]
    [InlineData("poemissing")]
    [InlineData("0")]
    [InlineData(" ")]
    public async Task RequestInfo_WithAReasonNotSpelledAsTheApiSays_IsReasonInvalid(string reason)
    {
        var claim = await InReviewAsync("Spelling " + reason.Trim());

        var response = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{claim.Id}/review/request-info", new { reasons = new[] { reason } });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.ReasonInvalid, "reasons");
        await AssertUnchangedAsync(claim);
    }

    [Fact]
    public async Task RequestInfo_WithoutReasons_IsInfoReasonsRequired()
    {
        var claim = await InReviewAsync("No reasons");

        var response = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{claim.Id}/review/request-info", new { reasons = Array.Empty<string>() });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ErrorCodes.InfoReasonsRequired, "reasons");
        await AssertUnchangedAsync(claim);
    }

    [Theory]
    [InlineData(null, ErrorCodes.ValueRequired)]
    [InlineData("Bored", ErrorCodes.ReasonInvalid)]
    [InlineData("CustomerDenied", ErrorCodes.ReasonNotAllowed)]
    [InlineData("NoPartnerResponse", ErrorCodes.ReasonNotAllowed)]
    public async Task Reject_WithAMissingUnknownOrReservedReason_IsRefused(string? reason, string code)
    {
        var claim = await InReviewAsync("Reject " + (reason ?? "none"));

        var response = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{claim.Id}/review/reject", new { reason, comment = "no" });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, code, "reason");
        await AssertUnchangedAsync(claim);
    }

    [Fact]
    public async Task Approve_OfADraft_IsInvalidTransition()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Draft approval", "teams"));

        var response = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{draft.Id}/review/approve", new { });

        await Problem.AssertAsync(response, HttpStatusCode.Conflict, ErrorCodes.InvalidTransition);
    }

    [Fact]
    public async Task Approve_WithMalformedJson_Is400()
    {
        var claim = await InReviewAsync("Malformed");

        var response = await (await app.ReviewerAsync()).PostAsync($"/api/v1/claims/{claim.Id}/review/approve",
            new StringContent("{\"supersede\": \"maybe\"", Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, ErrorCodes.MalformedJson);
        await AssertUnchangedAsync(claim);
    }

    [Fact]
    public async Task Approve_WithAStaleIfMatch_Is412()
    {
        var claim = await InReviewAsync("Stale");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/claims/{claim.Id}/review/approve") { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
        request.Headers.IfMatch.ParseAdd($"\"{claim.Version - 1}\"");

        var response = await (await app.ReviewerAsync()).SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, ErrorCodes.VersionMismatch);
        await AssertUnchangedAsync(claim);
    }

    [Fact]
    public async Task ReviewActions_ByThePartner_AreForbiddenOnItsOwnClaim_AndNotFoundForAnotherPartner()
    {
        var claim = await InReviewAsync("Not a reviewer");
        var partner = await app.PartnerAsync();
        var fabrikam = await app.FabrikamAsync();

        foreach (var action in new[] { "start", "approve", "reject", "request-info" })
        {
            await Problem.AssertAsync(await partner.PostAsync($"/api/v1/claims/{claim.Id}/review/{action}", new { reason = "InsufficientPoe", reasons = new[] { "PoeMissing" } }), HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
            await Problem.AssertAsync(await fabrikam.PostAsync($"/api/v1/claims/{claim.Id}/review/{action}", new { reason = "InsufficientPoe", reasons = new[] { "PoeMissing" } }), HttpStatusCode.NotFound, ErrorCodes.NotFound);
        }

        await AssertUnchangedAsync(claim);
    }

    [Fact]
    public async Task Approve_ReplayedWithItsIdempotencyKey_ApprovesOnce()
    {
        var claim = await InReviewAsync("Idempotent approval");
        var reviewer = await app.ReviewerAsync();

        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/claims/{claim.Id}/review/approve") { Content = System.Net.Http.Json.JsonContent.Create(new { comment = "ok" }) };
            request.Headers.Add("Idempotency-Key", "approve-" + claim.Id);
            return request;
        }

        var first = await reviewer.SendAsync(Request());
        var replay = await reviewer.SendAsync(Request());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await app.WithDbAsync(db => db.ClaimEvents.CountAsync(e => e.ClaimId == claim.Id && e.Action == ClaimAction.Approve)));
    }

    [Fact]
    public async Task UnknownClaim_IsNotFound()
    {
        var response = await (await app.ReviewerAsync()).PostAsync("/api/v1/claims/clm_doesnotexist/review/start", new { });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    private async Task<ClaimResponse> InReviewAsync(string name)
    {
        var tenant = await app.NewTenantAsync();
        return await app.InReviewClaimAsync(await app.PartnerAsync(), ReviewSteps.M365ClaimOn(tenant, name));
    }

    private async Task AssertUnchangedAsync(ClaimResponse before)
    {
        var after = await app.GetClaimAsync(await app.ReviewerAsync(), before.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }
}
