using Cpor.Web.Data;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// Hourly clean-up of what expires by itself: idempotency keys older than 24 hours, and e-mails
/// delivered longer ago than the notification retention period.
/// </summary>
public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationOptions> notifications, ILogger<Housekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<CporDb>();
                var purged = await Idempotency.PurgeExpiredAsync(db, time.GetUtcNow(), stoppingToken);
                var mail = await OutboxRetention.PurgeAsync(db, time.GetUtcNow(), notifications.Value.RetentionDays, stoppingToken);
                if (purged + mail > 0)
                {
                    logger.LogInformation("Purged {Keys} expired idempotency keys and {Mail} old outbox rows", purged, mail);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Housekeeping failed; will retry in an hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
