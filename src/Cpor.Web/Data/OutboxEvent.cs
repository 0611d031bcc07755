using Cpor.Domain;

namespace Cpor.Web.Data;

/// <summary>
/// The transactional outbox: a history line that may notify someone, written in the same
/// transaction as the change it records (CPOR.md §8). The dispatcher turns it into one
/// <see cref="OutboxMessage"/> per recipient, then marks it processed.
/// </summary>
public sealed class OutboxEvent
{
    public long Id { get; set; }

    public long ClaimEventId { get; set; }

    /// <summary>The history line; a navigation so that the line is inserted first and its key filled in.</summary>
    public ClaimEvent ClaimEvent { get; set; } = null!;

    public string ClaimId { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its messages were written; null while waiting for the dispatcher.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    /// <summary>Failed attempts to turn it into messages (the database was away, say).</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
