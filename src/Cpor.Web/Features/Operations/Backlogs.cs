using Cpor.Web.Data;
using Cpor.Web.Features.Scheduler;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// How far behind the background work is, shared by every instance through the database: the age
/// of the oldest item that is due and not yet done. Zero when nothing waits.
/// </summary>
public sealed class Backlogs(IServiceScopeFactory scopes, ClaimScheduler scheduler, TimeProvider time)
{
    /// <summary>Age of the oldest transition the clock owes a claim.</summary>
    public async Task<TimeSpan> SchedulerLagAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await scheduler.DueAsync(now, [], ct);
        return due.Count == 0 ? TimeSpan.Zero : Age(now, due[0].DueAt);
    }

    /// <summary>Age of the oldest outbox event not yet fanned out, or e-mail due and neither sent nor abandoned.</summary>
    public async Task<TimeSpan> OutboxLagAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var oldestEvent = await db.OutboxEvents.AsNoTracking()
            .Where(e => e.ProcessedAt == null)
            .MinAsync(e => (DateTimeOffset?)e.CreatedAt, ct);
        var oldestMessage = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .MinAsync(m => (DateTimeOffset?)m.NextAttemptAt, ct);
        var oldest = new[] { oldestEvent, oldestMessage }.Min();
        return oldest is { } since ? Age(now, since) : TimeSpan.Zero;
    }

    private static TimeSpan Age(DateTimeOffset now, DateTimeOffset since) => since < now ? now - since : TimeSpan.Zero;
}
