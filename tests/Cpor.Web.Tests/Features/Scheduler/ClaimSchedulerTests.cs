using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Scheduler;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Scheduler;

public class ClaimSchedulerTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task PartnerSilence_PastTheDeadline_IsRejectedNoPartnerResponse_BySystem()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(await app.NewTenantAsync(), "Silent partner"));
        var asked = await (await app.ReviewerAsync()).RequestInfoAsync(claim.Id, ["CustomerSignatureMissing"]);
        Assert.Equal(asked.DueAt, asked.NextAutoActionAt);

        app.Clock.Set(asked.DueAt!.Value - TimeSpan.FromMinutes(1));
        var early = await app.RunClockAsync();
        app.Clock.Set(asked.DueAt!.Value + TimeSpan.FromMinutes(1));
        var due = await app.RunClockAsync();

        Assert.DoesNotContain(early, a => a.ClaimId == claim.Id);
        var applied = Assert.Single(due, a => a.ClaimId == claim.Id);
        Assert.Equal(("PartnerResponseTimeout", ClaimStatus.PartnerActionRequired, ClaimStatus.Rejected, asked.DueAt.Value), (applied.Action, applied.From, applied.To, applied.DueAt));
        var rejected = await app.GetClaimAsync(partner, claim.Id);
        Assert.Equal((ClaimStatus.Rejected, "NoPartnerResponse"), (rejected.Status, rejected.StatusReason));
        Assert.Equal(app.Clock.Now.AddDays(30), rejected.DisputeWindowEndsAt);
        Assert.Equal(rejected.DisputeWindowEndsAt, rejected.NextAutoActionAt);
        var last = (await partner.HistoryAsync(claim.Id))[^1];
        Assert.Equal(("PartnerResponseTimeout", new HistoryActor(ActorKind.System, null, "system"), "NoPartnerResponse"), (last.Action, last.Actor, last.Reason));
    }

    [Fact]
    public async Task ActiveAssociation_WhoseSubscriptionEndsOrIsDeleted_EndsWithSubscriptionEnded_TheDeletedOneAtTheImport()
    {
        var partner = await app.PartnerAsync();
        var tenant = await app.NewTenantAsync();
        var (ending, deleted) = (Guid.NewGuid(), Guid.NewGuid());
        await app.ImportAsync(Subscription(ending, tenant.Id, "dynamics-365-sales", "Active", app.Clock.Now.AddDays(20)), Subscription(deleted, tenant.Id, "dynamics-365-finance", "Active", null));
        var endingClaim = await app.ApprovedClaimAsync(partner, SalesOn(tenant, "dynamics-365-sales"));
        var deletedClaim = await app.ApprovedClaimAsync(partner, SalesOn(tenant, "dynamics-365-finance"));
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunClockAsync();
        Assert.Equal(ClaimStatus.Active, (await app.GetClaimAsync(partner, endingClaim.Id)).Status);

        await app.ImportAsync(Subscription(deleted, tenant.Id, "dynamics-365-finance", "Deleted", null));
        var afterDelete = await app.RunClockAsync();
        app.Clock.Advance(TimeSpan.FromDays(13));
        var afterEnd = await app.RunClockAsync();

        // The import that says Deleted ends that unit itself (CPOR.md §9); the clock ends the other at its end date.
        Assert.DoesNotContain(afterDelete, a => a.ClaimId == deletedClaim.Id || a.ClaimId == endingClaim.Id);
        Assert.Contains(afterEnd, a => a.ClaimId == endingClaim.Id && a.Action == "EndAssociation");
        foreach (var id in new[] { endingClaim.Id, deletedClaim.Id })
        {
            var ended = await app.GetClaimAsync(partner, id);
            Assert.Equal((ClaimStatus.Ended, "SubscriptionEnded"), (ended.Status, ended.StatusReason));
        }
    }

    [Fact]
    public async Task LegacyAssociation_EndsByItselfAtItsExpiry()
    {
        var subscription = (await app.NewSubscriptionsAsync(1))[0];
        var expiresAt = app.Clock.Now.AddDays(3);
        var legacy = ImportLegacy(subscription, expiresAt);
        await app.SaveAsync([legacy]);

        var before = await app.RunClockAsync();
        app.Clock.Set(expiresAt);
        var after = await app.RunClockAsync();

        Assert.DoesNotContain(before, a => a.ClaimId == legacy.Id);
        Assert.Equal(expiresAt, Assert.Single(after, a => a.ClaimId == legacy.Id).DueAt);
        var association = await app.WithDbAsync(db => db.Associations.SingleAsync(a => a.ClaimId == legacy.Id));
        Assert.Equal((AssociationState.Ended, EndReason.SubscriptionEnded), (association.State, association.EndReason));
    }

    [Fact]
    public async Task SeveralSchedulersAtOnce_ApplyEveryDueTransitionExactlyOnce()
    {
        var subscriptions = await app.NewSubscriptionsAsync(40);
        var claims = subscriptions.Select(s => DirectClaims.Build(app, app.ContosoId, World.ContosoMpn, s, (c, ctx) => c.Approve(7, null, ctx))).ToList();
        await app.SaveAsync(claims);
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        // Three instances of the product share the database: three schedulers of their own.
        var schedulers = Enumerable.Range(0, 3)
            .Select(_ => ActivatorUtilities.CreateInstance<ClaimScheduler>(app.Services))
            .ToList();

        var runs = await Task.WhenAll(schedulers.Select(s => Task.Run(() => s.RunDueAsync(CancellationToken.None))));

        var ids = claims.Select(c => c.Id).ToHashSet();
        var applied = runs.SelectMany(r => r).Where(a => ids.Contains(a.ClaimId)).ToList();
        Assert.Equal(40, applied.Count);
        Assert.Equal(40, applied.Select(a => a.ClaimId).Distinct().Count());
        var activations = await app.WithDbAsync(db => db.ClaimEvents
            .Where(e => ids.Contains(e.ClaimId) && e.Action == ClaimAction.ConsentWindowEnd)
            .GroupBy(e => e.ClaimId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(40, activations.Count);
        Assert.All(activations, count => Assert.Equal(1, count));
        Assert.DoesNotContain(await app.RunClockAsync(), a => ids.Contains(a.ClaimId));
    }

    [Fact]
    public async Task Transitions_AreAppliedInDueOrder()
    {
        var subscriptions = await app.NewSubscriptionsAsync(3);
        var start = app.Clock.Now;
        var claims = new List<Claim>();
        // Approved at start+2h, start, start+1h: due seven days later in that order.
        foreach (var (subscription, offset) in subscriptions.Zip([2, 0, 1]))
        {
            app.Clock.Set(start.AddHours(offset));
            claims.Add(DirectClaims.Build(app, app.ContosoId, World.ContosoMpn, subscription, (c, ctx) => c.Approve(7, null, ctx)));
        }

        await app.SaveAsync(claims);
        app.Clock.Set(start.AddDays(8));

        var applied = (await app.RunClockAsync()).Where(a => claims.Any(c => c.Id == a.ClaimId)).Select(a => a.ClaimId);

        Assert.Equal([claims[1].Id, claims[2].Id, claims[0].Id], applied);
    }

    private Claim ImportLegacy(Guid subscription, DateTimeOffset expiresAt)
    {
        var ctx = new TransitionContext(Actor.System, app.Clock.Now, BusinessCalendar.WeekendsOnly, new ClaimTimings());
        var details = new ClaimDetails("Legacy", null, World.ContosoMpn, World.Tenant, World.Domain, SolutionArea.BusinessApplications, Activity.Usage,
            new Contact("Ann Lee", "CIO", "ann.lee@customer.test"), new Contact("Tom", "Architect", "tom@customer.test"), new Contact("Pat", null, "pat@contoso.test"), null);
        var product = new ResolvedProduct("dynamics-365-sales", subscription, ActivityRules.UnitKey(Activity.Usage, World.Tenant, "dynamics-365-sales", subscription), UnitKind.Subscription);
        return Claim.ImportLegacy(details, [product], app.ContosoId, app.Clock.Now.AddYears(-1), expiresAt, ctx);
    }

    private static Dictionary<string, object?> SalesOn(TestTenant tenant, string product)
    {
        var claim = World.SalesClaim("Sales on " + product);
        claim["tenantId"] = tenant.Id.ToString();
        claim["customerDomain"] = tenant.Domain;
        claim["products"] = new[] { new Dictionary<string, object?> { ["productId"] = product } };
        return claim;
    }

    private static string Subscription(Guid id, Guid tenant, string product, string state, DateTimeOffset? endsAt) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "subscription", subscriptionId = id, tenantId = tenant, productId = product, channel = "VolumeLicensing", state, provisioned = true,
            seatsPurchased = 10, seatsAssigned = 5, endsAt,
        });
}
