using Cpor.Domain;
using Cpor.Web.Features.Scheduler;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cpor.Web.Tests.Features.Scheduler;

/// <summary>The product started again on the same database, with its clock running (the background service on).</summary>
public sealed class RestartedApp(string connectionString, DateTimeOffset now) : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = connectionString,
        ["Cpor:Scheduler:Enabled"] = "true",
        ["Cpor:Scheduler:IntervalSeconds"] = "3600",
    };

    public RestartedApp Started()
    {
        Clock.Set(now);
        _ = Server; // starts the host, and with it the clock's catch-up pass
        return this;
    }
}

public class RestartCatchUpTests
{
    [Fact]
    public async Task StoppingTheServer_MovingTheClockTenDaysOn_AndStartingAgain_AppliesEveryDueTransitionOnce_InOrder()
    {
        var first = new ApiFixture();
        await first.InitializeAsync();
        try
        {
            var t0 = first.Clock.Now;
            var (partner, reviewer) = (await first.PartnerAsync(), await first.ReviewerAsync());
            var tenant = await first.NewTenantAsync();
            var subscription = Guid.NewGuid();
            await first.ImportAsync(System.Text.Json.JsonSerializer.Serialize(new
            {
                type = "subscription", subscriptionId = subscription, tenantId = tenant.Id, productId = "dynamics-365-sales", channel = "VolumeLicensing",
                state = "Active", provisioned = true, seatsPurchased = 10, seatsAssigned = 5, endsAt = t0.AddDays(8),
            }));

            // Rejected 25 days ago: its dispute window closes at t0 + 5 days.
            first.Clock.Set(t0.AddDays(-25));
            var rejected = await reviewer.RejectAsync((await first.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Dispute window", "onedrive"))).Id);
            // Waiting for the partner from t0 + 1 min: times out at t0 + 7 days + 1 min.
            first.Clock.Set(t0.AddMinutes(1));
            var waiting = await reviewer.RequestInfoAsync((await first.InReviewClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Partner silent", "teams"))).Id, ["PoeMissing"]);
            // Approved at t0 + 2 min: Active at t0 + 7 days + 2 min.
            first.Clock.Set(t0.AddMinutes(2));
            var approved = await first.ApprovedClaimAsync(partner, ReviewSteps.M365ClaimOn(tenant, "Consent", "exchange-online"));
            // Approved at t0 + 3 min on a subscription ending at t0 + 8 days: Active, then Ended.
            first.Clock.Set(t0.AddMinutes(3));
            var sales = World.SalesClaim("Subscription ends");
            sales["tenantId"] = tenant.Id.ToString();
            sales["customerDomain"] = tenant.Domain;
            var ending = await first.ApprovedClaimAsync(partner, sales);
            await first.DisposeAsync(); // the server stops; nothing ran its clock

            await using var second = new RestartedApp(first.ConnectionString, t0.AddDays(10)).Started();
            var firstPass = await second.Services.GetRequiredService<SchedulerStatus>().FirstPass.WaitAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(
                [
                    (rejected.Id, "DisputeWindowClosed"),
                    (waiting.Id, "PartnerResponseTimeout"),
                    (approved.Id, "ConsentWindowEnd"),
                    (ending.Id, "ConsentWindowEnd"),
                    (ending.Id, "EndAssociation"),
                ],
                firstPass.Select(a => (a.ClaimId, a.Action)));
            Assert.Equal(
                [t0.AddDays(5), t0.AddDays(7).AddMinutes(1), t0.AddDays(7).AddMinutes(2), t0.AddDays(7).AddMinutes(3), t0.AddDays(8)],
                firstPass.Select(a => a.DueAt));
            var systemLines = await second.WithDbAsync(db => db.ClaimEvents
                .Where(e => e.ActorKind == ActorKind.System && e.Kind != ClaimEventKind.CommentAdded)
                .OrderBy(e => e.Id)
                .Select(e => new { e.ClaimId, e.Kind, e.Action, e.ToStatus, e.Reason })
                .ToListAsync());
            Assert.Equal(
                [
                    (rejected.Id, "DisputeWindowClosed", (ClaimStatus?)null, (string?)null),
                    (waiting.Id, "PartnerResponseTimeout", ClaimStatus.Rejected, "NoPartnerResponse"),
                    (approved.Id, "ConsentWindowEnd", ClaimStatus.Active, null),
                    (ending.Id, "ConsentWindowEnd", ClaimStatus.Active, null),
                    (ending.Id, "EndAssociation", ClaimStatus.Ended, "SubscriptionEnded"),
                ],
                systemLines.Select(e => (e.ClaimId, e.Action?.ToString() ?? e.Kind.ToString(), e.ToStatus, e.Reason)));

            var again = await second.RunClockAsync();
            Assert.Empty(again);
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync(); // drops the database both instances used
        }
    }
}
