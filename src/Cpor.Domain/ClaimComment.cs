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

    public string Id { get; private set; } = "";

    public string ClaimId { get; private set; } = "";

    public ActorKind AuthorKind { get; private set; }

    public string? AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}
