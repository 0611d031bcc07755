using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Review;
using Cpor.Web.Infrastructure;
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
    ClaimViews views,
    CurrentUser user,
    ClaimComments comments,
    ClaimAttachments attachments,
    ClaimCompetitors competitors,
    IStringLocalizer<ErrorMessages> messages) : ClaimPageModel(views, comments, attachments, messages)
{
    /// <summary>The value of <see cref="ReturnTo"/> that brings the reviewer back to the arbitration view.</summary>
    public const string ReturnToArbitration = "arbitration";

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

    /// <summary>The claim and the competing claims and associations on its units.</summary>
    public CompetitorsResponse Arbitration { get; private set; } = null!;

    /// <summary>The action whose form was refused (kept open to show its errors).</summary>
    public ClaimAction? RefusedAction { get; private set; }

    /// <summary>The approval met another partner's association: show who holds the unit and ask to confirm.</summary>
    public bool ConfirmSupersede { get; private set; }

    /// <summary>The partners whose associations for the contested units an approval with <c>supersede</c> hands over (decision 0010).</summary>
    public IReadOnlyList<ArbitrationSide> Incumbents => [.. Arbitration.Competitors.Where(c => c.HoldsUnit)];

    /// <summary>The reasons a reviewer may give (the customer's and the clock's are theirs).</summary>
    public static IReadOnlyList<RejectionReason> RejectionReasons { get; } = [.. Enum.GetValues<RejectionReason>().Where(Cpor.Domain.Claim.IsReviewerReason)];

    public bool CanStart => Allows(ClaimAction.StartReview);

    public bool CanRequestInfo => Allows(ClaimAction.RequestInfo);

    public bool CanApprove => Allows(ClaimAction.Approve);

    public bool CanReject => Allows(ClaimAction.Reject);

    public bool CanComment => ClaimPermissions.CanComment(user);

    /// <summary>An image or PDF shown in the page (or a tab of its own), sandboxed; any other type is not previewed (404).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string attachmentId, CancellationToken ct)
    {
        var outcome = await Attachments.DownloadAsync(Id, attachmentId, ct);
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
            if (await LoadAsync(ct) is { } gone)
            {
                return gone;
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

    /// <summary>The id of the input an error is about, in the form of <paramref name="action"/>.</summary>
    public static string? InputOf(ClaimAction action, string field) => (action, field) switch
    {
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

    protected override IActionResult Done() => ArbitrationReturn is { } back ? LocalRedirect(back) : base.Done();

    protected override async Task<IActionResult?> LoadMoreAsync(CancellationToken ct)
    {
        var arbitration = await competitors.HandleAsync(Id, ct);
        if (!arbitration.IsSuccess)
        {
            return NotFound();
        }

        Arbitration = arbitration.Value!;
        return null;
    }

    private Task<IActionResult> AfterAsync(ClaimAction action, IReadOnlyList<DomainError> errors, string flash, CancellationToken ct)
    {
        RefusedAction = errors.Count > 0 ? action : null;
        return AfterAsync(errors, flash, field => InputOf(action, field), ct);
    }
}
