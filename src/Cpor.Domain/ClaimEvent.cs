namespace Cpor.Domain;

/// <summary>
/// One append-only line of a claim's history: who did what and when, the status change with its
/// reason, the fields changed (old → new), the comment. Never updated, never deleted.
/// </summary>
public sealed class ClaimEvent
{
    private ClaimEvent()
    {
    }

    internal ClaimEvent(string claimId, TransitionContext ctx, ClaimEventKind kind)
    {
        ClaimId = claimId;
        At = ctx.Now;
        ActorKind = ctx.Actor.Kind;
        ActorId = ctx.Actor.Id;
        ActorName = ctx.Actor.Name;
        Kind = kind;
    }

    public long Id { get; private set; }

    public string ClaimId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public ActorKind ActorKind { get; private set; }

    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    public ClaimEventKind Kind { get; private set; }

    /// <summary>The action for a status change.</summary>
    public ClaimAction? Action { get; internal set; }

    public ClaimStatus? FromStatus { get; internal set; }

    public ClaimStatus? ToStatus { get; internal set; }

    /// <summary>Rejection or end reason, or the info request reasons joined by commas.</summary>
    public string? Reason { get; internal set; }

    public IReadOnlyList<FieldChange> Changes { get; internal set; } = [];

    public string? Comment { get; internal set; }

    /// <summary>The UI text key of a system comment, rendered in each reader's language (then <see cref="Comment"/> is null).</summary>
    public string? CommentKey { get; internal set; }

    /// <summary>The arguments of <see cref="CommentKey"/>'s text.</summary>
    public List<string> CommentArgs { get; internal set; } = [];

    /// <summary>Which comment or attachment the entry is about.</summary>
    public string? SubjectId { get; internal set; }
}
