using System.Net;
using System.Net.Http.Json;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Claims;

public class ConcurrencyTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task TwoPatchesWithTheSameETag_ExactlyOneSucceeds_TheOtherGets412()
    {
        var partner = await app.PartnerAsync();
        await using var temporary = await app.TemporaryDraftAsync(partner, World.M365Claim("Race", "exchange-online"));
        var draft = temporary.Claim;

        var responses = await Task.WhenAll(
            partner.SendAsync(Patch(draft.Id, ETags.For(draft.Version), new { name = "First writer" })),
            partner.SendAsync(Patch(draft.Id, ETags.For(draft.Version), new { name = "Second writer" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        await Problem.AssertAsync(loser, HttpStatusCode.PreconditionFailed, "version_mismatch");
        var final = await app.GetClaimAsync(partner, draft.Id);
        Assert.Equal(draft.Version + 1, final.Version);
        var edits = await app.WithDbAsync(db => db.ClaimEvents.CountAsync(e => e.ClaimId == draft.Id && e.Kind == Cpor.Domain.ClaimEventKind.Edited));
        Assert.Equal(1, edits);
    }

    [Fact]
    public async Task AddComment_WithAStaleIfMatch_Gets412_AndAddsNothing()
    {
        var partner = await app.PartnerAsync();
        await using var temporary = await app.TemporaryDraftAsync(partner, World.M365Claim("Stale comment", "exchange-online"));
        var draft = temporary.Claim;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/claims/{draft.Id}/comments") { Content = JsonContent.Create(new { body = "Late" }, options: ApiFixture.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", ETags.For(draft.Version + 1));

        var response = await partner.SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.PreconditionFailed, "version_mismatch");
        Assert.Equal(0, await app.WithDbAsync(db => db.ClaimComments.CountAsync(c => c.ClaimId == draft.Id)));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyTenTimesAtOnce_CreatesOneClaim_AndEveryAnswerIsTheFirst()
    {
        var partner = await app.PartnerAsync();
        var body = World.M365Claim("Idempotent", "sharepoint-online");
        body["externalId"] = "CRM-IDEMPOTENT";

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = JsonContent.Create(body, options: ApiFixture.Json) };
            request.Headers.Add("Idempotency-Key", "create-once-1");
            return partner.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<ClaimResponse>(ApiFixture.Json))!.Id));
        Assert.Single(ids.Distinct());
        Assert.All(responses, r => Assert.Equal($"/api/v1/claims/{ids[0]}", r.Headers.Location?.ToString()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Claims.CountAsync(c => c.ExternalId == "CRM-IDEMPOTENT")));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyWithAnotherBody_IsRefused()
    {
        var partner = await app.PartnerAsync();
        await Send(partner, "key-reuse", World.M365Claim("Key reuse", "onedrive"));

        var second = await Send(partner, "key-reuse", World.M365Claim("Another body", "onedrive"));

        await Problem.AssertAsync(second, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Equal(0, await app.WithDbAsync(db => db.Claims.CountAsync(c => c.Name == "Another body")));
    }

    [Fact]
    public async Task ASubmitReplayedWithItsKey_DoesNotRunTwice()
    {
        var partner = await app.PartnerAsync();
        await using var temporary = await app.TemporaryDraftAsync(partner, World.M365Claim("Submit once", "teams"));
        var draft = temporary.Claim;
        await app.AttachAsync(partner, draft.Id);

        var first = await Send(partner, "submit-1", new { }, $"/api/v1/claims/{draft.Id}/submit");
        var replay = await Send(partner, "submit-1", new { }, $"/api/v1/claims/{draft.Id}/submit");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.ClaimEvents.CountAsync(e => e.ClaimId == draft.Id && e.Action == Cpor.Domain.ClaimAction.Submit)));
    }

    [Fact]
    public async Task TwoOrganisationsEditingOntoEachOthersUnitsAtOnce_NeverDeadlock_AndBothEndCompeting()
    {
        var contoso = await app.PartnerAsync();
        var fabrikam = await app.ClientAsync(World.FabrikamIncentives);
        for (var round = 0; round < 15; round++)
        {
            // The other tenant: no other test of this class claims its workloads.
            var mineBody = OnOtherTenant(World.M365Claim($"Mine {round}", "teams"));
            await using var mine = await app.TemporaryDraftAsync(contoso, mineBody);
            var theirsBody = OnOtherTenant(World.M365Claim($"Theirs {round}", "exchange-online"));
            theirsBody["mpnId"] = World.FabrikamMpn;
            await using var theirs = await app.TemporaryDraftAsync(fabrikam, theirsBody);

            // Each edit locks its own claim, then wants to flag the other: the classic lock cycle.
            // The first to commit flags the other claim, so the second may find its ETag stale (412)
            // and, like any client, reads again and retries; no request may fail any other way.
            await Task.WhenAll(
                EditWithRetryAsync(contoso, mine.Id, new { products = new[] { new { productId = "teams" }, new { productId = "exchange-online" } } }, round),
                EditWithRetryAsync(fabrikam, theirs.Id, new { products = new[] { new { productId = "exchange-online" }, new { productId = "teams" } } }, round));

            Assert.True((await app.GetClaimAsync(contoso, mine.Id)).Competing);
            Assert.True((await app.GetClaimAsync(fabrikam, theirs.Id)).Competing);
        }
    }

    private static Dictionary<string, object?> OnOtherTenant(Dictionary<string, object?> claim)
    {
        claim["tenantId"] = World.OtherTenant.ToString();
        claim["customerDomain"] = World.OtherDomain;
        return claim;
    }

    private async Task EditWithRetryAsync(HttpClient client, string id, object patch, int round)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await app.GetClaimAsync(client, id);
            var response = await client.SendAsync(Patch(id, ETags.For(current.Version), patch));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 3, $"round {round}: {(int)response.StatusCode} {body}");
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key, object body, string path = "/api/v1/claims")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ApiFixture.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static HttpRequestMessage Patch(string id, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/claims/{id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd(etag);
        return request;
    }
}
