using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cpor.Web.Pages;

/// <summary>What every page of the UI shares: turning a use case's refusal into the right answer, and the flash message.</summary>
public abstract class CporPageModel : PageModel
{
    /// <summary>A request made by the UI's scripts, which want a piece of page rather than a whole one.</summary>
    public bool IsFragmentRequest => Request.Headers["X-Requested-With"] == "fetch";

    /// <summary>The answer to "not found" (the same 404 whether it does not exist or is not yours) and "forbidden"; null for other errors.</summary>
    protected IActionResult? Unavailable(IReadOnlyList<DomainError> errors) => errors.FirstOrDefault()?.Code switch
    {
        ErrorCodes.NotFound => NotFound(),
        ErrorCodes.Forbidden => Forbidden(),
        _ => null,
    };

    /// <summary>Sends the browser to the access denied page.</summary>
    protected IActionResult Forbidden() => Forbid(IdentityConstants.ApplicationScheme);

    /// <summary>A message (a UiText key) shown once on the next page.</summary>
    protected void Flash(string textKey) => TempData["flash"] = textKey;

    /// <summary>A PoE file of a claim the user may see, as a protected download; 404 otherwise.</summary>
    protected async Task<IActionResult> DownloadAttachmentAsync(ClaimAttachments attachments, string claimId, string attachmentId, CancellationToken ct)
    {
        var outcome = await attachments.DownloadAsync(claimId, attachmentId, ct);
        if (!outcome.IsSuccess)
        {
            return NotFound();
        }

        var (attachment, content) = outcome.Value!;
        ClaimAttachments.ProtectDownload(Response);
        return new FileStreamResult(content, attachment.ContentType) { FileDownloadName = attachment.FileName, EnableRangeProcessing = true };
    }

    /// <summary>A form refused by a use case: the page again, with its errors, as 422.</summary>
    protected PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
