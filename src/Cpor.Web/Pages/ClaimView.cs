using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Admin;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Cpor.Web.Pages.Partner.Claims;

namespace Cpor.Web.Pages;

/// <summary>What the partner's and the reviewer's claim pages show of one claim.</summary>
public sealed record ClaimView(
    Claim Record,
    ClaimResponse Claim,
    IReadOnlyList<CommentResponse> Comments,
    IReadOnlyList<HistoryEntryResponse> History,
    IReadOnlyList<TimelineStep> Timeline,
    IReadOnlyDictionary<string, string> ProductNames)
{
    /// <summary>What the reviewer wrote with the request for information the claim waits on; null when none.</summary>
    public string? InfoRequestComment => Record.Status == ClaimStatus.PartnerActionRequired
        ? History.LastOrDefault(e => e.Action == nameof(ClaimAction.RequestInfo))?.Comment
        : null;
}

/// <summary>Loads a <see cref="ClaimView"/> of a claim the user may see, through the API's own reads.</summary>
public sealed class ClaimViews(CporDb db, CurrentUser user, TimeProvider time, ClaimComments comments, ClaimHistory history)
{
    /// <summary>The claim's view, or null when it does not exist or is not the user's to see.</summary>
    public async Task<ClaimView?> LoadAsync(string id, CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, id, ct);
        if (claim is null)
        {
            return null;
        }

        var thread = (await comments.ListAsync(id, Paging.MaxLimit, null, ct)).Value?.Items ?? [];
        var entries = (await history.ListAsync(id, Paging.MaxLimit, null, ct)).Value?.Items ?? [];
        var products = await ProductNames.LoadAsync(db, ct);
        return new ClaimView(claim, ClaimResponse.From(claim, time.GetUtcNow()), thread, entries, ClaimTimeline.Build(claim.Status, entries), products);
    }
}
