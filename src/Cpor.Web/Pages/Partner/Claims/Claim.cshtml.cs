using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages.Partner.Claims;

/// <summary>
/// One claim: its timeline, deadlines, details, PoE files, comment thread and history, and the
/// partner's actions its status and the person's role allow — each through the API's use case.
/// </summary>
public sealed class ClaimModel(
    ClaimViews views,
    CurrentUser user,
    TimeProvider time,
    ClaimComments comments,
    ClaimAttachments attachments,
    ClaimTransitions transitions,
    IStringLocalizer<ErrorMessages> messages) : ClaimPageModel(views, comments, attachments, messages)
{
    [BindProperty]
    public string? WithdrawComment { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    /// <summary>The claim is rejected and can no longer be disputed (CPOR.md §5): the page says the decision is final.</summary>
    public bool RejectionIsFinal => Claim.Status == ClaimStatus.Rejected && !View.Record.MayBeDisputedAt(Now);

    public DateTimeOffset Now => time.GetUtcNow();

    public bool CanEdit => ClaimPermissions.CanManage(user) && ClaimLifecycle.EditScopeOf(Claim.Status) != EditScope.Nothing;

    public bool CanSubmit => ClaimPermissions.CanSubmit(user) && ClaimLifecycle.Target(Claim.Status, ClaimAction.Submit) is not null;

    public bool CanWithdraw => ClaimPermissions.CanManage(user) && ClaimLifecycle.Target(Claim.Status, ClaimAction.Withdraw) is not null;

    public bool CanDispute => ClaimPermissions.CanManage(user) && View.Record.MayBeDisputedAt(Now);

    public bool CanUpload => ClaimPermissions.CanManage(user) && ClaimLifecycle.AcceptsAttachments(Claim.Status);

    public bool CanRemoveFiles => ClaimPermissions.CanManage(user) && Claim.Status == ClaimStatus.Draft;

    public bool CanComment => ClaimPermissions.CanComment(user);

    /// <summary>Adds PoE files: one per request from the drop zone's script, or all those chosen in the form without script.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string? returnTo, CancellationToken ct)
    {
        var files = Request.Form.Files.GetFiles("file");
        IReadOnlyList<DomainError> errors = files.Count == 0 ? [new DomainError(ErrorCodes.AttachmentRequired, "file")] : [];
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var outcome = await Attachments.UploadAsync(Id, file.FileName, content, ifMatch: null, ct);
            if (!outcome.IsSuccess)
            {
                errors = outcome.Errors;
                break;
            }
        }

        return await AfterFileChangeAsync(errors, returnTo, "flash.filesAdded", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string attachmentId, string? returnTo, CancellationToken ct)
    {
        var outcome = await Attachments.RemoveAsync(Id, attachmentId, ETags.For(Version), ct);
        return await AfterFileChangeAsync(outcome.Errors, returnTo, "flash.fileRemoved", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        await AfterAsync((await transitions.SubmitAsync(Id, ETags.For(Version), ct)).Errors, "flash.submitted", InputOf, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        await AfterAsync((await transitions.WithdrawAsync(Id, new WithdrawRequest(WithdrawComment), ETags.For(Version), ct)).Errors, "flash.withdrawn", InputOf, ct);

    public async Task<IActionResult> OnPostDisputeAsync(CancellationToken ct) =>
        await AfterAsync((await transitions.DisputeAsync(Id, new DisputeRequest(Justification), ETags.For(Version), ct)).Errors, "flash.disputed", InputOf, ct);

    /// <summary>The id of the input an error of this page is about.</summary>
    public static string? InputOf(string field) => field switch
    {
        "body" => "comment-body",
        "comment" => "withdraw-comment",
        "justification" => "justification",
        "file" or "attachments" => "poe-files",
        _ => null,
    };

    public AttachmentsView FilesView(string? returnTo) => new(Claim, CanRemoveFiles, returnTo);

    /// <summary>After adding or removing a file: the drop zone's script gets the new file list (or the error); a form goes back where it came from.</summary>
    private async Task<IActionResult> AfterFileChangeAsync(IReadOnlyList<DomainError> errors, string? returnTo, string flash, CancellationToken ct)
    {
        if (Unavailable(errors) is { } unavailable)
        {
            return unavailable;
        }

        if (IsFragmentRequest)
        {
            if (errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Content(Sentences(errors), "text/plain; charset=utf-8");
            }

            return await LoadAsync(ct) ?? Partial("_Attachments", FilesView(returnTo));
        }

        if (returnTo == "finish")
        {
            if (errors.Count > 0)
            {
                TempData["uploadError"] = Sentences(errors);
            }
            else
            {
                Flash(flash);
            }

            return RedirectToPage("/Partner/Claims/Finish", new { Id });
        }

        return await AfterAsync(errors, flash, InputOf, ct);
    }

    private string Sentences(IReadOnlyList<DomainError> errors) => string.Join(" ", errors.Select(e => Problems.Detail(Messages, e)));
}
