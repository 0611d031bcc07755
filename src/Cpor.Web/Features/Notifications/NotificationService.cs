using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// Runs <see cref="NotificationDispatcher"/> every <c>Cpor:Notifications:PollSeconds</c> when
/// <c>Cpor:Notifications:Enabled</c> is true (the default). Safe in every server instance.
/// </summary>
public sealed class NotificationService(NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Notification dispatcher disabled (Cpor:Notifications:Enabled=false); e-mails wait in the outbox");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        do
        {
            try
            {
                var report = await dispatcher.RunOnceAsync(stoppingToken);
                if (report.Sent + report.Retrying + report.GaveUp > 0)
                {
                    logger.LogInformation("Notifications: {Sent} sent, {Retrying} to retry, {GaveUp} given up", report.Sent, report.Retrying, report.GaveUp);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Notification pass failed; trying again next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
