using Cpor.Domain;
using Cpor.Web.Data;
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
    CporDb db, CurrentUser user, TimeProvider time, ClaimTransitions transitions, ClaimComments comments, IStringLocalizer<ErrorMessages> messages)
    : CporPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? CommentBody { get; set; }

    public ClaimResponse Claim { get; private set; } = null!;

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
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
                errors = (await comments.AddAsync(Id, new AddCommentRequest(CommentBody), ifMatch: null, ct)).Errors;
            }
        }

        if (Unavailable(errors) is { } unavailable)
        {
            return unavailable;
        }

        if (errors.Count == 0)
        {
            Flash("flash.submitted");
            return RedirectToPage("/Partner/Claims/Claim", new { Id });
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Errors = FormErrors.From(errors, messages, field => field switch
        {
            "body" => "comment-body",
            "attachments" or "file" => "poe-files",
            _ => null,
        });
        return Refused();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, Id, ct);
        if (claim is null)
        {
            return false;
        }

        Claim = ClaimResponse.From(claim, time.GetUtcNow());
        Version = claim.Version;
        return true;
    }
}
