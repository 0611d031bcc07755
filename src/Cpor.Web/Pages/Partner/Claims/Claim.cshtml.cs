using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
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
    CporDb db,
    CurrentUser user,
    TimeProvider time,
    ClaimComments comments,
    ClaimHistory history,
    ClaimAttachments attachments,
    ClaimTransitions transitions,
    Catalog catalog,
    IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    [FromRoute]
    public string Id { get; set; } = "";

    /// <summary>The version the form was rendered from: a change made meanwhile by someone else is refused (version_mismatch).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? CommentBody { get; set; }

    [BindProperty]
    public string? WithdrawComment { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public ClaimResponse Claim { get; private set; } = null!;

    public bool AlreadyDisputed { get; private set; }

    public IReadOnlyList<CommentResponse> Comments { get; private set; } = [];

    public IReadOnlyList<HistoryEntryResponse> History { get; private set; } = [];

    public IReadOnlyList<TimelineStep> Timeline { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ProductNames { get; private set; } = new Dictionary<string, string>();

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public DateTimeOffset Now => time.GetUtcNow();

    public bool CanEdit => ClaimPermissions.CanManage(user) && ClaimLifecycle.EditScopeOf(Claim.Status) != EditScope.Nothing;

    public bool CanSubmit => ClaimPermissions.CanSubmit(user) && ClaimLifecycle.Target(Claim.Status, ClaimAction.Submit) is not null;

    public bool CanWithdraw => ClaimPermissions.CanManage(user) && ClaimLifecycle.Target(Claim.Status, ClaimAction.Withdraw) is not null;

    public bool CanDispute => ClaimPermissions.CanManage(user) && Claim.Status == ClaimStatus.Rejected && !AlreadyDisputed
        && Claim.DisputeWindowEndsAt is { } end && Now <= end;

    public bool CanUpload => ClaimPermissions.CanManage(user) && ClaimLifecycle.AcceptsAttachments(Claim.Status);

    public bool CanRemoveFiles => ClaimPermissions.CanManage(user) && Claim.Status == ClaimStatus.Draft;

    public bool CanComment => ClaimPermissions.CanComment(user);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnGetDownloadAsync(string attachmentId, CancellationToken ct) =>
        DownloadAttachmentAsync(attachments, Id, attachmentId, ct);

    /// <summary>Adds PoE files: one per request from the drop zone's script, or all those chosen in the form without script.</summary>
    public async Task<IActionResult> OnPostUploadAsync(string? returnTo, CancellationToken ct)
    {
        var files = Request.Form.Files.GetFiles("file");
        IReadOnlyList<DomainError> errors = files.Count == 0 ? [new DomainError(ErrorCodes.AttachmentRequired, "file")] : [];
        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var outcome = await attachments.UploadAsync(Id, file.FileName, content, ifMatch: null, ct);
            if (!outcome.IsSuccess)
            {
                errors = outcome.Errors;
                break;
            }
        }

        if (Unavailable(errors) is { } unavailable)
        {
            return unavailable;
        }

        return await AfterFileChangeAsync(errors, returnTo, "flash.filesAdded", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string attachmentId, string? returnTo, CancellationToken ct)
    {
        var outcome = await attachments.RemoveAsync(Id, attachmentId, ETags.For(Version), ct);
        if (Unavailable(outcome.Errors) is { } unavailable)
        {
            return unavailable;
        }

        return await AfterFileChangeAsync(outcome.Errors, returnTo, "flash.fileRemoved", ct);
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        var outcome = await comments.AddAsync(Id, new AddCommentRequest(CommentBody), ifMatch: null, ct);
        return await AfterAsync(outcome.Errors, "flash.commentAdded", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) =>
        await AfterAsync((await transitions.SubmitAsync(Id, ETags.For(Version), ct)).Errors, "flash.submitted", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        await AfterAsync((await transitions.WithdrawAsync(Id, new WithdrawRequest(WithdrawComment), ETags.For(Version), ct)).Errors, "flash.withdrawn", ct);

    public async Task<IActionResult> OnPostDisputeAsync(CancellationToken ct) =>
        await AfterAsync((await transitions.DisputeAsync(Id, new DisputeRequest(Justification), ETags.For(Version), ct)).Errors, "flash.disputed", ct);

    /// <summary>The id of the input an error of this page is about.</summary>
    public static string? InputOf(string field) => field switch
    {
        "body" => "comment-body",
        "comment" => "withdraw-comment",
        "justification" => "justification",
        "file" or "attachments" => "poe-files",
        _ => null,
    };

    private async Task<IActionResult> AfterAsync(IReadOnlyList<DomainError> errors, string flash, CancellationToken ct)
    {
        if (Unavailable(errors) is { } unavailable)
        {
            return unavailable;
        }

        if (errors.Count == 0)
        {
            Flash(flash);
            return RedirectToPage(new { Id });
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Errors = FormErrors.From(errors, messages, InputOf);
        return Refused();
    }

    /// <summary>After adding or removing a file: the drop zone's script gets the new file list (or the error); a form goes back where it came from.</summary>
    private async Task<IActionResult> AfterFileChangeAsync(IReadOnlyList<DomainError> errors, string? returnTo, string flash, CancellationToken ct)
    {
        if (IsFragmentRequest)
        {
            if (errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Content(string.Join(" ", errors.Select(e => Problems.Detail(messages, e))), "text/plain; charset=utf-8");
            }

            await LoadAsync(ct);
            return Partial("_Attachments", FilesView(returnTo));
        }

        if (returnTo == "finish")
        {
            if (errors.Count > 0)
            {
                TempData["uploadError"] = string.Join(" ", errors.Select(e => Problems.Detail(messages, e)));
            }
            else
            {
                Flash(flash);
            }

            return RedirectToPage("/Partner/Claims/Finish", new { Id });
        }

        return await AfterAsync(errors, flash, ct);
    }

    public AttachmentsView FilesView(string? returnTo) => new(Claim, CanRemoveFiles, returnTo);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, Id, ct);
        if (claim is null)
        {
            return false;
        }

        Claim = ClaimResponse.From(claim, Now);
        AlreadyDisputed = claim.Disputed;
        Version = claim.Version;
        Comments = (await comments.ListAsync(Id, Paging.MaxLimit, null, ct)).Value?.Items ?? [];
        History = (await history.ListAsync(Id, Paging.MaxLimit, null, ct)).Value?.Items ?? [];
        Timeline = ClaimTimeline.Build(claim.Status, History);
        ProductNames = (await catalog.GetAsync(ct)).Products.ToDictionary(p => p.Id, p => p.Name);
        return true;
    }
}
