using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Admin;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Review;

/// <summary>
/// CPOR.md §6 under concurrency: three partners' competing claims on one subscription, approved
/// by three reviewers' requests at the same moment, round after round. The claims are set up
/// through the domain straight into the database; the approvals go over HTTP, all at once.
/// </summary>
public class ApprovalConcurrencyTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private const int Rounds = 200;
    private const int RoundsInFlight = 4;

    [Fact]
    public async Task CompetingApprovals_WithoutSupersede_EveryRoundExactlyOneWins_AndTheOthersGet409()
    {
        var rounds = await SetUpRoundsAsync();
        var reviewer = await app.ReviewerAsync();

        await ForEachRoundAsync(rounds, async claims =>
        {
            var responses = await Task.WhenAll(claims.Select(id => reviewer.PostAsync($"/api/v1/claims/{id}/review/approve", new { })));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                await Problem.AssertAsync(loser, HttpStatusCode.Conflict, ErrorCodes.UnitAlreadyAssociated);
            }
        });

        await AssertOneHolderPerRoundAsync(rounds);
        var ids = rounds.SelectMany(r => r).ToList();
        var approved = await app.WithDbAsync(db => db.Claims.CountAsync(c => ids.Contains(c.Id) && c.Status == ClaimStatus.Approved));
        Assert.Equal(Rounds, approved);
    }

    [Fact]
    public async Task CompetingApprovals_WithSupersede_EveryRoundEndsWithOneHolderPromisedToOneChallenger()
    {
        var rounds = await SetUpRoundsAsync();
        var reviewer = await app.ReviewerAsync();

        await ForEachRoundAsync(rounds, async claims =>
        {
            var responses = await Task.WhenAll(claims.Select(id => reviewer.PostAsync($"/api/v1/claims/{id}/review/approve", new { supersede = true })));

            // The first approval takes the unit, the second is promised it, the third finds a handover already pending.
            Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            await Problem.AssertAsync(Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK), HttpStatusCode.Conflict, ErrorCodes.HandoverPending);
        });

        await AssertOneHolderPerRoundAsync(rounds);
        var ids = rounds.SelectMany(r => r).ToList();
        var holders = await app.WithDbAsync(db => db.Associations
            .Where(a => ids.Contains(a.ClaimId) && (a.State == AssociationState.Approved || a.State == AssociationState.Active))
            .Select(a => new { a.ClaimId, a.SupersededByClaimId })
            .ToListAsync());
        foreach (var round in rounds)
        {
            var promised = Assert.Single(holders, h => round.Contains(h.ClaimId) && h.SupersededByClaimId is not null);
            Assert.Contains(promised.SupersededByClaimId, round);
        }

        var statuses = await app.WithDbAsync(db => db.Claims.Where(c => ids.Contains(c.Id)).Select(c => c.Status).ToListAsync());
        Assert.Equal(2 * Rounds, statuses.Count(s => s == ClaimStatus.Approved));
    }

    /// <summary>For each round, one new subscription and one claim in review per partner organisation.</summary>
    private async Task<List<string[]>> SetUpRoundsAsync()
    {
        var orgs = new List<(string Org, string Mpn)> { (app.ContosoId, World.ContosoMpn), (app.FabrikamId, World.FabrikamMpn), await ThirdPartnerAsync() };
        var subscriptions = await app.NewSubscriptionsAsync(Rounds);
        var rounds = subscriptions.Select(s => orgs.Select(o => DirectClaims.Build(app, o.Org, o.Mpn, s)).ToArray()).ToList();
        await app.SaveAsync(rounds.SelectMany(r => r));
        return [.. rounds.Select(r => r.Select(c => c.Id).ToArray())];
    }

    private async Task<(string Org, string Mpn)> ThirdPartnerAsync()
    {
        var mpn = "3" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var admin = await app.AdminAsync();
        var org = await ApiFixture.PostOkAsync<PartnerResponse>(admin, "/api/v1/admin/partners", new { name = "Northwind " + mpn });
        await ApiFixture.PostOkAsync<MpnResponse>(admin, $"/api/v1/admin/partners/{org.Id}/mpns", new { mpnId = mpn, name = "Seattle", programs = new[] { "osu-bizapps" } });
        return (org.Id, mpn);
    }

    private static async Task ForEachRoundAsync(List<string[]> rounds, Func<string[], Task> round)
    {
        foreach (var wave in rounds.Chunk(RoundsInFlight))
        {
            await Task.WhenAll(wave.Select(round));
        }
    }

    /// <summary>One holder per unit that is not being handed over (decision 0010).</summary>
    private async Task AssertOneHolderPerRoundAsync(List<string[]> rounds)
    {
        var ids = rounds.SelectMany(r => r).ToList();
        var holders = await app.WithDbAsync(db => db.Associations
            .Where(a => ids.Contains(a.ClaimId) && (a.State == AssociationState.Approved || a.State == AssociationState.Active) && a.SupersededByClaimId == null)
            .Select(a => a.ClaimId)
            .ToListAsync());
        foreach (var round in rounds)
        {
            Assert.Single(holders, round.Contains);
        }
    }
}
