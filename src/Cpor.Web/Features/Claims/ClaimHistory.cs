using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

public sealed record HistoryActor(ActorKind Kind, string? Id, string Name);

/// <summary>One history line: <c>action</c> is the lifecycle action of a status change, else the kind of entry.</summary>
public sealed record HistoryEntryResponse(
    long Id,
    DateTimeOffset At,
    HistoryActor Actor,
    string Action,
    ClaimStatus? FromStatus,
    ClaimStatus? ToStatus,
    string? Reason,
    IReadOnlyList<FieldChange> Changes,
    string? Comment);

/// <summary>GET /api/v1/claims/{id}/history: the append-only history, oldest first.</summary>
public sealed class ClaimHistory(CporDb db, CurrentUser user)
{
    public async Task<Outcome<Page<HistoryEntryResponse>>> ListAsync(string claimId, int? limit, string? cursor, CancellationToken ct)
    {
        if (await ClaimReads.FindVisibleAsync(db, user, claimId, ct) is null)
        {
            return CommonErrors.NotFound;
        }

        if (!Cursor.TryDecode(cursor, "history", out var after) || (after is not null && !long.TryParse(after.Id, out _)))
        {
            return new DomainError(ErrorCodes.CursorInvalid, "cursor");
        }

        var take = Paging.Clamp(limit);
        var afterId = after is null ? 0 : long.Parse(after.Id, System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.ClaimEvents.AsNoTracking()
            .Where(e => e.ClaimId == claimId && e.Id > afterId)
            .OrderBy(e => e.Id)
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).Select(ToResponse).ToList();
        var next = rows.Count > take ? new Cursor("history", null, items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Encode() : null;
        return new Page<HistoryEntryResponse>(items, next);
    }

    public static HistoryEntryResponse ToResponse(ClaimEvent e) => new(
        e.Id,
        e.At,
        new HistoryActor(e.ActorKind, e.ActorId, e.ActorName),
        e.Action?.ToString() ?? e.Kind.ToString(),
        e.FromStatus,
        e.ToStatus,
        e.Reason,
        e.Changes,
        CommentText.Of(e, System.Globalization.CultureInfo.CurrentUICulture));
}
