namespace Cpor.Web.Pages.Review;

/// <summary>How the review page shows a PoE file inline, if at all.</summary>
public enum PreviewKind
{
    /// <summary>Not shown inline: downloaded only (Office documents, e-mails, TIFF...).</summary>
    None,

    /// <summary>An image the browser draws itself, in an <c>&lt;img&gt;</c>.</summary>
    Image,

    /// <summary>A PDF, in the browser's viewer inside an <c>&lt;iframe&gt;</c>.</summary>
    Pdf,
}
