using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// The wizard's last steps for a Draft: proof of execution (drag and drop, with the template),
/// then an optional comment for the reviewers, then submit.
/// </summary>
public sealed class FinishModel(
    ClaimViews views, CurrentUser user, ClaimTransitions transitions, ClaimComments comments, ClaimAttachments attachments, IStringLocalizer<ErrorMessages> messages)
    : ClaimPageModel(views, comments, attachments, messages)
{
    public override async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } unavailable)
        {
            return unavailable;
        }

        return Claim.Status == ClaimStatus.Draft && ClaimPermissions.CanSubmit(user)
            ? Page()
            : RedirectToPage("/Partner/Claims/Claim", new { Id });
    }

    /// <summary>Submits, then posts the comment: a comment that cannot be posted is refused before anything changes.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        IReadOnlyList<DomainError> errors = FreeText.CommentError(CommentBody, "body", required: false) is { } invalid ? [invalid] : [];
        if (errors.Count == 0)
        {
            var submitted = await transitions.SubmitAsync(Id, ETags.For(Version), ct);
            errors = submitted.Errors;
            if (submitted.IsSuccess && !string.IsNullOrWhiteSpace(CommentBody))
            {
                errors = await PostCommentAsync(ct);
            }
        }

        return await AfterAsync(errors, "flash.submitted", field => field switch
        {
            "body" => "comment-body",
            "attachments" or "file" => "poe-files",
            _ => null,
        }, ct);
    }

    protected override IActionResult Done() => RedirectToPage("/Partner/Claims/Claim", new { Id });
}
