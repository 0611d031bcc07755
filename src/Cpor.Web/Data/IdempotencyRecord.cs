namespace Cpor.Web.Data;

/// <summary>The first response to a POST carrying an Idempotency-Key, replayed for 24 hours.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>The user who sent it: keys are per caller.</summary>
    public string OwnerId { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body; another body with the same key is refused.</summary>
    public string RequestHash { get; set; } = "";

    public int StatusCode { get; set; }

    public string? ResponseBody { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
