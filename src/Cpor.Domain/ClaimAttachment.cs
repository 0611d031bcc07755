namespace Cpor.Domain;

/// <summary>A proof-of-execution file. The bytes live in content-addressed storage under <see cref="Sha256"/>.</summary>
public sealed class ClaimAttachment
{
    private ClaimAttachment()
    {
    }

    public ClaimAttachment(string id, string claimId, string fileName, string contentType, long size, string sha256, Actor uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = id;
        ClaimId = claimId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedById = uploadedBy.Id;
        UploadedByName = uploadedBy.Name;
        UploadedAt = uploadedAt;
    }

    public string Id { get; private set; } = "";

    public string ClaimId { get; private set; } = "";

    public string FileName { get; private set; } = "";

    /// <summary>Decided from the file's bytes, never from what the client said.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content; also its storage key.</summary>
    public string Sha256 { get; private set; } = "";

    public string? UploadedById { get; private set; }

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }
}
