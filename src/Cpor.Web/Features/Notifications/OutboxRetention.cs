using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Notifications;

/// <summary>Deletes e-mails delivered or abandoned more than the retention period ago, then their finished events.</summary>
public static class OutboxRetention
{
    public static async Task<int> PurgeAsync(CporDb db, DateTimeOffset now, int retentionDays, CancellationToken ct)
    {
        var cutoff = now.AddDays(-Math.Max(1, retentionDays));
        var messages = await db.OutboxMessages
            .Where(m => (m.SentAt != null && m.SentAt < cutoff) || (m.FailedAt != null && m.FailedAt < cutoff))
            .ExecuteDeleteAsync(ct);
        var events = await db.OutboxEvents
            .Where(e => e.ProcessedAt != null && e.ProcessedAt < cutoff && !db.OutboxMessages.Any(m => m.OutboxEventId == e.Id))
            .ExecuteDeleteAsync(ct);
        return messages + events;
    }
}
