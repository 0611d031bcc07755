using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;

namespace Cpor.Web.Pages.Review;

/// <summary>One claim of an arbitration as the view shows it: its side (partner, what it holds) and the claim itself (contacts, dates, version).</summary>
public sealed record ArbitrationColumn(ArbitrationSide Side, ClaimResponse Claim, bool IsSubject)
{
    /// <summary>The side's PoE files in the competitors use case's order: the newest first.</summary>
    public IReadOnlyList<AttachmentResponse> Files { get; } =
        [.. Side.Attachments.Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedBy))];
}
