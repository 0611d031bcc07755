using Cpor.Web.Data;
using Cpor.Web.Infrastructure;

namespace Cpor.Web.Features.Operations;

/// <summary>Hourly clean-up of what expires by itself: idempotency keys older than 24 hours.</summary>
public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider time, ILogger<Housekeeping> logger) : BackgroundService
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
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} expired idempotency keys", purged);
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
