namespace Cpor.Web.Data;

/// <summary>
/// One e-mail to one person, rendered in their language when the outbox event was processed.
/// Sent at most once by the dispatcher (marked sent in the same transaction that claimed it);
/// <see cref="MessageId"/> lets a receiver drop the rare resend after a crash mid-delivery.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public long OutboxEventId { get; set; }

    public string ClaimId { get; set; } = "";

    /// <summary>Why the person gets it (<c>NotificationTopic</c>).</summary>
    public string Topic { get; set; } = "";

    public string? RecipientUserId { get; set; }

    public string RecipientEmail { get; set; } = "";

    /// <summary>en, fr or it: the language it was written in.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The RFC 5322 Message-ID, stable across retries.</summary>
    public string MessageId { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this moment: exponential backoff after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the dispatcher gave up after the configured number of attempts.</summary>
    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}
