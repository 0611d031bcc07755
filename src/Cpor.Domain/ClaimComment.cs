namespace Cpor.Domain;

/// <summary>A message on a claim: the channel between reviewers and the partner.</summary>
public sealed class ClaimComment
{
    private ClaimComment()
    {
    }

    internal ClaimComment(string id, string claimId, Actor author, string body, DateTimeOffset at)
    {
        Id = id;
        ClaimId = claimId;
        AuthorKind = author.Kind;
        AuthorId = author.Id;
        AuthorName = author.Name;
        Body = body;
        CreatedAt = at;
    }

    /// <summary>A text the system writes: stored as a key and its arguments, rendered in each reader's language.</summary>
    internal ClaimComment(string id, string claimId, Actor author, string textKey, IReadOnlyList<string> textArgs, DateTimeOffset at)
        : this(id, claimId, author, "", at)
    {
        TextKey = textKey;
        TextArgs = [.. textArgs];
    }

    public string Id { get; private set; } = "";

    public string ClaimId { get; private set; } = "";

    public ActorKind AuthorKind { get; private set; }

    public string? AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    /// <summary>What a person typed; empty for a system text (<see cref="TextKey"/>).</summary>
    public string Body { get; private set; } = "";

    /// <summary>The UI text key of a system text, which each reader sees in their own language; null for typed text.</summary>
    public string? TextKey { get; private set; }

    /// <summary>The arguments of <see cref="TextKey"/>'s text.</summary>
    public List<string> TextArgs { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
}
