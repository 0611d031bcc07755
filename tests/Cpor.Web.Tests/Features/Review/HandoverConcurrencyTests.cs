using System.Net;
using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Tests.Features.Review;

/// <summary>
/// CPOR.md §6 revised under concurrency (decision 0010): a unit promised to a challenger changes
/// hands only when the challenger's association becomes Active, and at every moment at most one
/// association per unit is Active. Rounds of one subscription each: an incumbent's Active claim and
/// a challenger's, set up through the domain; the racing changes go over HTTP and the clock.
/// </summary>
public class HandoverConcurrencyTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private const int Rounds = 60;

    [Fact]
    public async Task OptOut_RacingTheConsentWindowsEnd_EitherTheIncumbentKeepsTheUnitOrTheChallengerTakesIt_NeverBothNorNeither()
    {
        var rounds = await SetUpRoundsAsync();
        var reviewer = await app.ReviewerAsync();
        var approved = await Task.WhenAll(rounds.Select(r => reviewer.ApproveAsync(r.Challenger, supersede: true)));
        var windowEnd = approved.Select(c => c.ConsentEndsAt!.Value).Max();
        app.Clock.Set(windowEnd.AddSeconds(-1));
        var customer = await app.ClientAsync(World.CustomerAdmin);

        // The window closes while opt-outs are in flight: once a quarter of them have been answered,
        // the clock reaches the window's end and two scheduler instances run.
        var answered = 0;
        var optOuts = rounds.Select(async r =>
        {
            var response = await customer.PostAsync($"/api/v1/customer/claims/{r.Challenger}/opt-out", new { });
            Interlocked.Increment(ref answered);
            return response;
        }).ToList();
        var clock = Task.Run(async () =>
        {
            while (Volatile.Read(ref answered) < rounds.Count / 4)
            {
                await Task.Delay(1);
            }

            app.Clock.Set(windowEnd);
            await Task.WhenAll(app.RunClockAsync(), app.RunClockAsync());
        });
        var responses = await Task.WhenAll(optOuts);
        await clock;
        await app.RunClockAsync();

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await AssertOneActivePerUnitAsync(rounds);
        for (var i = 0; i < rounds.Count; i++)
        {
            var (incumbent, challenger) = (await StateOfAsync(rounds[i].Incumbent), await StateOfAsync(rounds[i].Challenger));
            if (responses[i].StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal((ClaimStatus.Rejected, ClaimStatus.Active), (challenger.Status, incumbent.Status));
                Assert.Equal((AssociationState.Active, false), (incumbent.Association.State, incumbent.Association.HandoverPending));
            }
            else
            {
                await Problem.AssertAsync(responses[i], HttpStatusCode.Conflict, ErrorCodes.ConsentWindowClosed);
                Assert.Equal((ClaimStatus.Active, ClaimStatus.Ended), (challenger.Status, incumbent.Status));
                Assert.Equal(EndReason.Superseded, incumbent.Association.EndReason);
            }
        }
    }

    [Fact]
    public async Task Supersede_RacingTheIncumbentsWithdrawal_BothSucceed_AndTheChallengerEndsUpTheOnlyActive()
    {
        var rounds = await SetUpRoundsAsync();
        var (reviewer, contoso) = (await app.ReviewerAsync(), await app.PartnerAsync());

        var approvals = rounds.Select(r => reviewer.PostAsync($"/api/v1/claims/{r.Challenger}/review/approve", new { supersede = true })).ToList();
        var withdrawals = rounds.Select(r => contoso.PostAsync($"/api/v1/claims/{r.Incumbent}/withdraw", new { })).ToList();
        var responses = await Task.WhenAll(approvals.Concat(withdrawals));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertOneActivePerUnitAsync(rounds);
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.RunClockAsync();
        await AssertOneActivePerUnitAsync(rounds);
        foreach (var round in rounds)
        {
            var (incumbent, challenger) = (await StateOfAsync(round.Incumbent), await StateOfAsync(round.Challenger));
            Assert.Equal((ClaimStatus.Ended, nameof(EndReason.PartnerEnded)), (incumbent.Status, incumbent.Reason));
            Assert.Equal((ClaimStatus.Active, AssociationState.Active), (challenger.Status, challenger.Association.State));
        }
    }

    /// <summary>Per round: a new subscription, Contoso's claim Active on it, Fabrikam's in review.</summary>
    private async Task<List<(string Incumbent, string Challenger)>> SetUpRoundsAsync()
    {
        var subscriptions = await app.NewSubscriptionsAsync(Rounds);
        var incumbents = subscriptions.Select(s => DirectClaims.Build(app, app.ContosoId, World.ContosoMpn, s,
            (claim, ctx) => claim.Approve(7, null, ctx) ?? claim.CompleteConsentWindow(ctx with { Now = ctx.Now.AddDays(7) }))).ToList();
        var challengers = subscriptions.Select(s => DirectClaims.Build(app, app.FabrikamId, World.FabrikamMpn, s)).ToList();
        await app.SaveAsync(incumbents.Concat(challengers));
        return [.. incumbents.Zip(challengers, (i, c) => (i.Id, c.Id))];
    }

    private async Task AssertOneActivePerUnitAsync(List<(string Incumbent, string Challenger)> rounds)
    {
        var ids = rounds.SelectMany(r => new[] { r.Incumbent, r.Challenger }).ToList();
        var active = await app.WithDbAsync(db => db.Associations
            .Where(a => ids.Contains(a.ClaimId) && a.State == AssociationState.Active).Select(a => a.ClaimId).ToListAsync());
        foreach (var round in rounds)
        {
            Assert.True(active.Count(id => id == round.Incumbent || id == round.Challenger) <= 1, $"two Active associations on the unit of {round.Incumbent}");
        }
    }

    private async Task<(ClaimStatus Status, string? Reason, ClaimAssociationResponse Association)> StateOfAsync(string claimId)
    {
        var claim = await app.WithDbAsync(db => ClaimCommands.LoadAsync(db.Claims.AsNoTracking(), claimId, CancellationToken.None));
        var response = ClaimResponse.From(claim!, app.Clock.Now);
        return (response.Status, response.StatusReason, response.Associations[^1]);
    }
}
