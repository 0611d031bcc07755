using System.Globalization;
using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

public sealed record AddCommentRequest(string? Body);

/// <summary>A comment; <c>body</c> is in the request's language when it is a system text, whose key is <c>textKey</c>.</summary>
public sealed record CommentResponse(string Id, ActorKind AuthorKind, string AuthorName, string Body, DateTimeOffset CreatedAt, string? TextKey = null);

/// <summary>The comment thread between reviewers and the partner: read it, add to it.</summary>
public sealed class ClaimComments(CporDb db, CurrentUser user, ClaimCommands commands)
{
    public async Task<Outcome<Page<CommentResponse>>> ListAsync(string claimId, int? limit, string? cursor, CancellationToken ct)
    {
        if (await ClaimReads.FindVisibleAsync(db, user, claimId, ct) is null)
        {
            return CommonErrors.NotFound;
        }

        if (!Cursor.TryDecode(cursor, "comments", out var after))
        {
            return new DomainError(ErrorCodes.CursorInvalid, "cursor");
        }

        var take = Paging.Clamp(limit);
        var query = db.ClaimComments.AsNoTracking().Where(c => c.ClaimId == claimId);
        if (after is not null)
        {
            query = query.Where(c => string.Compare(c.Id, after.Id) > 0);
        }

        var rows = await query.OrderBy(c => c.Id).Take(take + 1).ToListAsync(ct);
        var items = rows.Take(take).Select(ToResponse).ToList();
        var next = rows.Count > take ? new Cursor("comments", null, items[^1].Id).Encode() : null;
        return new Page<CommentResponse>(items, next);
    }

    /// <summary>Adds a comment; <paramref name="ifMatch"/>, when sent, refuses a claim changed since (412).</summary>
    public async Task<Outcome<CommentResponse>> AddAsync(string claimId, AddCommentRequest request, string? ifMatch, CancellationToken ct)
    {
        if (FreeText.CommentError(request.Body, "body", required: true) is { } invalid)
        {
            return invalid;
        }

        ClaimComment? comment = null;
        var outcome = await commands.RunAsync(claimId, new(ClaimPermissions.CanComment) { IfMatch = ifMatch }, (claim, ctx) =>
        {
            comment = claim.AddComment(request.Body!.Trim(), ctx);
            return (DomainError?)null;
        }, ct);
        return outcome.IsSuccess ? ToResponse(comment!) : Outcome<CommentResponse>.Failure(outcome.Errors);
    }

    public static CommentResponse ToResponse(ClaimComment c) =>
        new(c.Id, c.AuthorKind, c.AuthorName, CommentText.Of(c, CultureInfo.CurrentUICulture), c.CreatedAt, c.TextKey);
}
