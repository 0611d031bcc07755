using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Scheduler;

/// <summary>
/// Runs <see cref="ClaimScheduler.RunDueAsync"/> at start-up (catching up on whatever fell due
/// while no server ran) and then every <c>Cpor:Scheduler:IntervalSeconds</c>, when
/// <c>Cpor:Scheduler:Enabled</c> is true (the default).
/// </summary>
public sealed class SchedulerService(ClaimScheduler scheduler, SchedulerStatus status, IOptions<SchedulerOptions> options, TimeProvider time, ILogger<SchedulerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Clock disabled (Cpor:Scheduler:Enabled=false): no automatic transitions in this instance");
            status.FirstPassDone([]);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)), time);
        do
        {
            IReadOnlyList<AppliedTransition> applied = [];
            try
            {
                applied = await scheduler.RunDueAsync(stoppingToken);
                if (applied.Count > 0)
                {
                    logger.LogInformation("Clock: applied {Count} automatic transitions", applied.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Clock pass failed; trying again next tick");
            }
            finally
            {
                status.FirstPassDone(applied);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
