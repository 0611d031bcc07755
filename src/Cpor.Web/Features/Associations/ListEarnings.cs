using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Cpor.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// GET /api/v1/associations/earnings (CPOR.md §10): the caller's eligible associations, Active or
/// Ended, with the subscription or tenant ID to find each by in the program's statements and its
/// partner contribution credit. Same filters and paging as the association list.
/// </summary>
public sealed class ListEarnings(
    CporDb db, CurrentUser user, EligibilityEvaluator evaluator, CreditCalculator credits, IStringLocalizer<AssociationText> text)
{
    public async Task<Outcome<Page<EarningResponse>>> HandleAsync(AssociationQuery query, int? limit, string? cursor, CancellationToken ct)
    {
        if (!AssociationReads.CanList(user))
        {
            return CommonErrors.Forbidden;
        }

        if (!Cursor.TryDecode(cursor, AssociationQuery.Sort, out var after))
        {
            return new DomainError(ErrorCodes.CursorInvalid, "cursor");
        }

        var visible = query.Apply(db.Associations.AsNoTracking().VisibleTo(user));
        await evaluator.EnsureEvaluatedAsync(db, visible, ct);

        var take = Paging.Clamp(limit);
        var rows = await (
                from a in AssociationQuery.After(visible, after)
                join e in db.AssociationEligibility on a.Id equals e.AssociationId
                where e.Eligible
                join c in db.Claims on a.ClaimId equals c.Id
                orderby a.Id descending
                select new { Association = a, ClaimName = c.Name, e.EvaluatedAt })
            .Take(take + 1)
            .ToListAsync(ct);
        var page = rows.Take(take).ToList();
        var credit = await credits.ComputeAsync([.. page.Select(r => r.Association)], ct);
        var items = page.Select(r =>
        {
            var a = r.Association;
            return new EarningResponse(
                a.Id, a.ClaimId, r.ClaimName, a.PartnerOrgId, a.MpnId, a.ProgramId, a.Activity, a.TenantId, a.ProductId, a.SubscriptionId,
                a.UnitKind, a.State, a.ActiveFrom, a.EndedAt, r.EvaluatedAt, CreditResponse.From(credit[a.Id], text, showDigitalPartner: user.IsReviewer));
        }).ToList();
        var next = rows.Count > take ? new Cursor(AssociationQuery.Sort, null, items[^1].AssociationId).Encode() : null;
        return new Page<EarningResponse>(items, next);
    }
}
