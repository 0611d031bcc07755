using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>What happened to one e-mail in a dispatcher pass.</summary>
public enum SendResult
{
    Sent,
    WillRetry,
    GaveUp,
}

/// <summary>
/// Sends one waiting e-mail: claims it with FOR UPDATE SKIP LOCKED (other dispatchers pass it
/// by), hands it to the transport, and marks it sent in the same transaction. A failure leaves
/// it waiting with an exponential backoff; a permanent refusal or too many failures set it aside.
/// </summary>
public sealed class NotificationSender(CporDb db, IMailTransport transport, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationSender> logger)
{
    public async Task<(long MessageId, SendResult Result)?> SendNextAsync(IReadOnlyCollection<long> skip, CancellationToken ct)
    {
        var settings = options.Value;
        var skipped = skip.ToArray();
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Database.SqlQuery<long>($"""
            SELECT id AS "Value" FROM outbox_messages
            WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now} AND NOT (id = ANY({skipped}))
            ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return null;
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == ids[0], ct);
        message.Attempts++;
        SendResult result;
        try
        {
            await transport.SendAsync(Envelope(message, settings).ToMimeMessage(), ct);
            message.SentAt = time.GetUtcNow();
            message.LastError = null;
            result = SendResult.Sent;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever went wrong is counted against this e-mail, so one bad message never
            // blocks the queue. A 5xx reply, or a message that cannot be written (a header MimeKit
            // refuses, an address it cannot parse), will not get better.
            var permanent = e is MailDeliveryException { Permanent: true } or ArgumentException or FormatException;
            message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
            if (permanent || message.Attempts >= Math.Max(1, settings.MaxAttempts))
            {
                message.FailedAt = now;
                result = SendResult.GaveUp;
                logger.LogError("Gave up e-mail {Id} to {To} after {Attempts} attempts: {Error}", message.Id, message.RecipientEmail, message.Attempts, e.Message);
            }
            else
            {
                message.NextAttemptAt = now + Backoff(message.Attempts, settings);
                result = SendResult.WillRetry;
                logger.LogWarning("E-mail {Id} to {To} failed (attempt {Attempts}), retrying at {Next}: {Error}", message.Id, message.RecipientEmail, message.Attempts, message.NextAttemptAt, e.Message);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (message.Id, result);
    }

    /// <summary>Base × 2^(attempt − 1), capped.</summary>
    public static TimeSpan Backoff(int attempts, NotificationOptions settings)
    {
        var seconds = Math.Max(1, settings.RetryBaseSeconds) * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(1, settings.RetryMaxSeconds)));
    }

    private static MailEnvelope Envelope(OutboxMessage m, NotificationOptions settings) => new(
        m.MessageId,
        settings.FromAddress,
        settings.FromName,
        m.RecipientEmail,
        m.Subject,
        m.Body,
        m.Language,
        m.CreatedAt,
        [new("X-Cpor-Claim-Id", m.ClaimId), new("X-Cpor-Topic", m.Topic)]);
}
