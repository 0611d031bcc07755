using Cpor.Domain;
using Cpor.Web.Features.Claims;
using Cpor.Web.Pages.Partner.Claims;
using Cpor.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Pages;

/// <summary>
/// A page about one claim (the partner's, the reviewer's): its <see cref="ClaimView"/>, the version
/// the page was rendered from (sent back as If-Match, so a change made meanwhile is refused with
/// version_mismatch), the comment form and the downloads of its PoE files.
/// </summary>
public abstract class ClaimPageModel(ClaimViews views, ClaimComments comments, ClaimAttachments attachments, IStringLocalizer<ErrorMessages> messages)
    : RecordPageModel(messages)
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? CommentBody { get; set; }

    public ClaimView View { get; private set; } = null!;

    public ClaimResponse Claim => View.Claim;

    public IReadOnlyList<CommentResponse> Comments => View.Comments;

    public IReadOnlyList<HistoryEntryResponse> History => View.History;

    public IReadOnlyList<TimelineStep> Timeline => View.Timeline;

    public IReadOnlyDictionary<string, string> ProductNames => View.ProductNames;

    protected ClaimAttachments Attachments => attachments;

    public Task<IActionResult> OnGetDownloadAsync(string attachmentId, CancellationToken ct) =>
        DownloadAttachmentAsync(attachments, Id, attachmentId, ct);

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken ct) =>
        await AfterAsync(await PostCommentAsync(ct), "flash.commentAdded", field => field == "body" ? "comment-body" : null, ct);

    /// <summary>Posts the comment typed in the page; the errors when it is refused.</summary>
    protected async Task<IReadOnlyList<DomainError>> PostCommentAsync(CancellationToken ct) =>
        (await comments.AddAsync(Id, new AddCommentRequest(CommentBody), ifMatch: null, ct)).Errors;

    protected override async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await views.LoadAsync(Id, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Version = view.Record.Version;
        return await LoadMoreAsync(ct);
    }

    /// <summary>What a page shows beyond the claim's view; null when it may be shown, else the answer to give.</summary>
    protected virtual Task<IActionResult?> LoadMoreAsync(CancellationToken ct) => Task.FromResult<IActionResult?>(null);
}
