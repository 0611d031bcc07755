using Cpor.Web.Features.Claims;

namespace Cpor.Web.Pages.Review;

/// <summary>A claim's PoE files for <c>_PoeFiles</c>; <c>ShowPreviews</c> draws the previewable ones on the page.</summary>
public sealed record PoeFilesView(string ClaimId, IReadOnlyList<AttachmentResponse> Files, bool ShowPreviews);
