using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
using Cpor.Web.Pages.Partner.Claims;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Cpor.Web.Pages.Review;

/// <summary>
/// One claim as a reviewer works on it: every detail, the PoE files with their previews, the
/// comment thread, the history, and the review actions its status allows — start review, request
/// information, approve (confirming the arbitration when another partner holds a unit), reject —
/// each through the API's own use case, with the version the page was rendered from as If-Match.
/// </summary>
public sealed class ClaimModel(
    CporDb db,
    CurrentUser user,
    TimeProvider time,
    ClaimComments comments,
    ClaimHistory history,
    ClaimAttachments attachments,
    ClaimCompetitors competitors,
    Catalog catalog,
    IStringLocalizer<ErrorMessages> messages) : CporPageModel
{
    /// <summary>The value of <see cref="ReturnTo"/> that brings the reviewer back to the arbitration view.</summary>
    public const string ReturnToArbitration = "arbitration";

    [FromRoute]
    public string Id { get; set; } = "";

    /// <summary>The version the form was rendered from: a change made meanwhile by someone else is refused (version_mismatch).</summary>
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? CommentBody { get; set; }

    [BindProperty]
    public List<string> Reasons { get; set; } = [];

    [BindProperty]
    public string? RequestComment { get; set; }

    [BindProperty]
    public string? ApproveComment { get; set; }

    /// <summary>Set by the confirmation step: approve, and end the association of the partner holding the unit.</summary>
    [BindProperty]
    public bool Supersede { get; set; }

    [BindProperty]
    public string? RejectReason { get; set; }

    [BindProperty]
    public string? RejectComment { get; set; }

    /// <summary>Where to go after an action: the claim's page, or the arbitration view of <see cref="ArbitrationOf"/>.</summary>
    [BindProperty]
    public string? ReturnTo { get; set; }

    [BindProperty]
    public string? ArbitrationOf { get; set; }

    public ClaimResponse Claim { get; private set; } = null!;

    /// <summary>The claim and the competing claims and associations on its units.</summary>
    public CompetitorsResponse Arbitration { get; private set; } = null!;

    public IReadOnlyList<CommentResponse> Comments { get; private set; } = [];

    public IReadOnlyList<HistoryEntryResponse> History { get; private set; } = [];

    public IReadOnlyList<TimelineStep> Timeline { get; private set; } = [];

    public IReadOnlyDictionary<string, string> ProductNames { get; private set; } = new Dictionary<string, string>();

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>The action whose form was refused (kept open to show its errors).</summary>
    public ClaimAction? RefusedAction { get; private set; }

    /// <summary>The approval met another partner's association: show who holds the unit and ask to confirm.</summary>
    public bool ConfirmSupersede { get; private set; }

    /// <summary>The partners whose association an approval with <c>supersede</c> ends.</summary>
    public IReadOnlyList<ArbitrationSide> Incumbents => [.. Arbitration.Competitors.Where(c => c.HoldsUnit)];

    /// <summary>The reasons a reviewer may give (the customer's and the clock's are theirs).</summary>
    public static IReadOnlyList<RejectionReason> RejectionReasons { get; } = [.. Enum.GetValues<RejectionReason>().Where(Cpor.Domain.Claim.IsReviewerReason)];

    public bool CanStart => Allows(ClaimAction.StartReview);

    public bool CanRequestInfo => Allows(ClaimAction.RequestInfo);

    public bool CanApprove => Allows(ClaimAction.Approve);

    public bool CanReject => Allows(ClaimAction.Reject);

    public bool CanComment => ClaimPermissions.CanComment(user);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnGetDownloadAsync(string attachmentId, CancellationToken ct) =>
        DownloadAttachmentAsync(attachments, Id, attachmentId, ct);

    /// <summary>An image or PDF shown in the page (or a tab of its own), sandboxed; any other type is not previewed (404).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string attachmentId, CancellationToken ct)
    {
        var outcome = await attachments.DownloadAsync(Id, attachmentId, ct);
        if (!outcome.IsSuccess)
        {
            return NotFound();
        }

        var (attachment, content) = outcome.Value!;
        if (PoePreview.KindOf(attachment.ContentType) == PreviewKind.None)
        {
            await content.DisposeAsync();
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = PoePreview.ContentSecurityPolicy;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = attachment.FileName }.ToString();
        return new FileStreamResult(content, attachment.ContentType) { EnableRangeProcessing = true };
    }

    public async Task<IActionResult> OnPostStartAsync([FromServices] StartReview startReview, CancellationToken ct) =>
        await AfterAsync(ClaimAction.StartReview, (await startReview.HandleAsync(Id, ETags.For(Version), ct)).Errors, "review.flash.started", ct);

    public async Task<IActionResult> OnPostRequestInfoAsync([FromServices] RequestInfo requestInfo, CancellationToken ct)
    {
        var outcome = await requestInfo.HandleAsync(Id, new RequestInfoRequest([.. Reasons], RequestComment), ETags.For(Version), ct);
        return await AfterAsync(ClaimAction.RequestInfo, outcome.Errors, "review.flash.infoRequested", ct);
    }

    public async Task<IActionResult> OnPostApproveAsync([FromServices] ApproveClaim approve, CancellationToken ct)
    {
        var outcome = await approve.HandleAsync(Id, new ApproveRequest(Supersede, ApproveComment), ETags.For(Version), ct);
        if (outcome.Errors is [{ Code: ErrorCodes.UnitAlreadyAssociated }])
        {
            // Not an error to fix but a decision to confirm: the page names who holds the unit.
            if (!await LoadAsync(ct))
            {
                return NotFound();
            }

            ConfirmSupersede = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return await AfterAsync(ClaimAction.Approve, outcome.Errors, Supersede ? "review.flash.superseded" : "review.flash.approved", ct);
    }

    public async Task<IActionResult> OnPostRejectAsync([FromServices] RejectClaim reject, CancellationToken ct)
    {
        var outcome = await reject.HandleAsync(Id, new RejectRequest(RejectReason, RejectComment), ETags.For(Version), ct);
        return await AfterAsync(ClaimAction.Reject, outcome.Errors, "review.flash.rejected", ct);
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct)
    {
        var outcome = await comments.AddAsync(Id, new AddCommentRequest(CommentBody), ifMatch: null, ct);
        return await AfterAsync(null, outcome.Errors, "flash.commentAdded", ct);
    }

    /// <summary>The id of the input an error is about, in the form of <paramref name="action"/> (null: the comment form).</summary>
    public static string? InputOf(ClaimAction? action, string field) => (action, field) switch
    {
        (null, "body") => "comment-body",
        (ClaimAction.RequestInfo, "reasons") => "request-reasons",
        (ClaimAction.RequestInfo, "comment") => "request-comment",
        (ClaimAction.Approve, "comment") => "approve-comment",
        (ClaimAction.Reject, "reason") => "reject-reason",
        (ClaimAction.Reject, "comment") => "reject-comment",
        _ => null,
    };

    /// <summary>The link back to the arbitration view when the action came from there, else null.</summary>
    public string? ArbitrationReturn =>
        ReturnTo == ReturnToArbitration && ArbitrationOf is { Length: > 0 and <= 40 } of ? Url.Page("/Review/Arbitration", new { id = of }) : null;

    private bool Allows(ClaimAction action) => ClaimPermissions.CanReview(user) && ClaimLifecycle.Target(Claim.Status, action) is not null;

    private async Task<IActionResult> AfterAsync(ClaimAction? action, IReadOnlyList<DomainError> errors, string flash, CancellationToken ct)
    {
        if (Unavailable(errors) is { } unavailable)
        {
            return unavailable;
        }

        if (errors.Count == 0)
        {
            Flash(flash);
            return ArbitrationReturn is { } back ? LocalRedirect(back) : RedirectToPage(new { Id });
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        RefusedAction = action;
        Errors = FormErrors.From(errors, messages, field => InputOf(action, field));
        return Refused();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, Id, ct);
        var arbitration = claim is null ? default : await competitors.HandleAsync(Id, ct);
        if (claim is null || !arbitration.IsSuccess)
        {
            return false;
        }

        Claim = ClaimResponse.From(claim, time.GetUtcNow());
        Arbitration = arbitration.Value!;
        Version = claim.Version;
        Comments = (await comments.ListAsync(Id, Paging.MaxLimit, null, ct)).Value?.Items ?? [];
        History = (await history.ListAsync(Id, Paging.MaxLimit, null, ct)).Value?.Items ?? [];
        Timeline = ClaimTimeline.Build(claim.Status, History);
        ProductNames = (await catalog.GetAsync(ct)).Products.ToDictionary(p => p.Id, p => p.Name);
        return true;
    }
}
