using Cpor.Web.Features.Claims;

namespace Cpor.Web.Pages.Review;

/// <summary>
/// Which PoE files reviewers see inline. The content type is the one <see cref="PoeFileTypes"/>
/// read from the file's bytes when it was uploaded, never the partner's word; only images a
/// browser draws and PDFs are previewed, everything else is only downloaded.
/// </summary>
public static class PoePreview
{
    /// <summary>
    /// The policy a previewed file is served with: it is the partner's content, not ours, so it may
    /// run nothing and load nothing (sandbox, no sources), and only our own pages may frame it.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox; frame-ancestors 'self'";

    public static PreviewKind KindOf(string contentType) => contentType switch
    {
        "image/png" or "image/jpeg" or "image/gif" or "image/webp" => PreviewKind.Image,
        "application/pdf" => PreviewKind.Pdf,
        _ => PreviewKind.None,
    };
}
