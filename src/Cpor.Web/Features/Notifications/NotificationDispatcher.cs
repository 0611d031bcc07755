using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>What one dispatcher pass did.</summary>
public sealed record DispatchReport(int EventsProcessed, int MessagesWritten, int Sent, int Retrying, int GaveUp);

/// <summary>
/// One pass of the outbox: every waiting event becomes its e-mails, then every e-mail that is
/// due is sent. Each event and each e-mail in its own short transaction and its own scope, so a
/// failure costs one item, and any number of server instances can run passes at once.
/// </summary>
public sealed class NotificationDispatcher(IServiceScopeFactory scopes, IOptionsMonitor<NotificationOptions> options, ILogger<NotificationDispatcher> logger)
{
    public async Task<DispatchReport> RunOnceAsync(CancellationToken ct)
    {
        int events = 0, written = 0, sent = 0, retrying = 0, gaveUp = 0;
        var failedEvents = new HashSet<long>();
        while (!ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var done = await scope.ServiceProvider.GetRequiredService<NotificationFanOut>().ProcessNextAsync(failedEvents, ct);
            if (done is null)
            {
                break;
            }

            if (done.Error is { } error)
            {
                failedEvents.Add(done.EventId);
                logger.LogError(error, "Could not turn outbox event {Id} into e-mails", done.EventId);
                continue;
            }

            events++;
            written += done.Messages;
        }

        var handled = new HashSet<long>();
        var budget = Math.Max(1, options.CurrentValue.BatchSize);
        while (!ct.IsCancellationRequested && budget-- > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var done = await scope.ServiceProvider.GetRequiredService<NotificationSender>().SendNextAsync(handled, ct);
            if (done is null)
            {
                break;
            }

            handled.Add(done.Value.MessageId);
            switch (done.Value.Result)
            {
                case SendResult.Sent:
                    sent++;
                    break;
                case SendResult.WillRetry:
                    retrying++;
                    break;
                case SendResult.GaveUp:
                    gaveUp++;
                    break;
            }
        }

        return new DispatchReport(events, written, sent, retrying, gaveUp);
    }
}
