using Cpor.Domain;
using Cpor.Web.Data;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>
/// Claims built straight through the domain and saved in one go, for tests that need hundreds of
/// them (their history is real: every step goes through the lifecycle). Each names its own
/// Dynamics 365 Sales subscription, created here too, so each is a unit of its own.
/// </summary>
public static class DirectClaims
{
    public static async Task<List<Guid>> NewSubscriptionsAsync(this CporAppFactory app, int count, DateTimeOffset? endsAt = null)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await app.WithDbAsync(async db =>
        {
            db.Subscriptions.AddRange(ids.Select(id => new Subscription
            {
                Id = id, TenantId = World.Tenant, ProductId = "dynamics-365-sales", Channel = SubscriptionChannel.VolumeLicensing,
                State = SubscriptionState.Active, Provisioned = true, SeatsPurchased = 10, SeatsAssigned = 5, EndsAt = endsAt, UpdatedAt = app.Clock.Now,
            }));
            return await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>A claim of <paramref name="orgId"/> on the subscription, taken through <paramref name="steps"/>; saved by the caller.</summary>
    public static Claim Build(CporAppFactory app, string orgId, string mpnId, Guid subscription, Func<Claim, TransitionContext, DomainError?>? steps = null)
    {
        var now = app.Clock.Now;
        var partner = new TransitionContext(new Actor(ActorKind.Partner, null, "setup"), now, BusinessCalendar.WeekendsOnly, new ClaimTimings());
        var details = new ClaimDetails(
            "Direct " + subscription.ToString("N")[..8], null, mpnId, World.Tenant, World.Domain, SolutionArea.BusinessApplications, Activity.Usage,
            new Contact("Ann Lee", "CIO", "ann.lee@customer.test"), new Contact("Tom Tech", "Architect", "tom@customer.test"), new Contact("Pat", null, "pat@partner.test"), null);
        var product = new ResolvedProduct("dynamics-365-sales", subscription, ActivityRules.UnitKey(Activity.Usage, World.Tenant, "dynamics-365-sales", subscription), UnitKind.Subscription);
        var claim = Claim.Create(details, [product], orgId, competing: true, partner);
        Check(claim.AddAttachment(new ClaimAttachment(Ids.New("att", now), claim.Id, "proof.pdf", "application/pdf", 1234, new string('a', 64), partner.Actor, now), partner));
        Check(claim.Submit(partner));
        Check(claim.StartReview(partner with { Actor = new Actor(ActorKind.Reviewer, null, "setup reviewer") }));
        if (steps is not null)
        {
            Check(steps(claim, partner with { Actor = new Actor(ActorKind.Reviewer, null, "setup reviewer") }));
        }

        return claim;
    }

    public static async Task SaveAsync(this CporAppFactory app, IEnumerable<Claim> claims)
    {
        // In chunks: one change tracker with thousands of entries slows every save down.
        foreach (var chunk in claims.Chunk(50))
        {
            await app.WithDbAsync(async db =>
            {
                db.Claims.AddRange(chunk);
                return await db.SaveChangesAsync();
            });
        }
    }

    private static void Check(DomainError? error) => Assert.Null(error);
}
