using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>GET /api/v1/associations: the caller's official associations (Active and Ended), newest first.</summary>
public sealed class ListAssociations(CporDb db, CurrentUser user)
{
    public async Task<Outcome<Page<AssociationResponse>>> HandleAsync(AssociationQuery query, int? limit, string? cursor, CancellationToken ct)
    {
        if (!AssociationReads.CanList(user))
        {
            return CommonErrors.Forbidden;
        }

        if (!Cursor.TryDecode(cursor, AssociationQuery.Sort, out var after))
        {
            return new DomainError(ErrorCodes.CursorInvalid, "cursor");
        }

        var take = Paging.Clamp(limit);
        var associations = AssociationQuery.After(query.Apply(db.Associations.AsNoTracking().VisibleTo(user)), after);
        var rows = await (
                from a in associations
                join c in db.Claims on a.ClaimId equals c.Id
                from e in db.AssociationEligibility.Where(e => e.AssociationId == a.Id).DefaultIfEmpty()
                orderby a.Id descending
                select new { Association = a, ClaimName = c.Name, Eligible = e == null ? (bool?)null : e.Eligible })
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).Select(r => AssociationResponse.From(r.Association, r.ClaimName, r.Eligible)).ToList();
        var next = rows.Count > take ? new Cursor(AssociationQuery.Sort, null, items[^1].Id).Encode() : null;
        return new Page<AssociationResponse>(items, next);
    }

    /// <summary>GET /api/v1/associations/{id}: one official association the caller may see.</summary>
    public async Task<Outcome<AssociationResponse>> GetAsync(string associationId, CancellationToken ct)
    {
        if (!Ids.MayExist(associationId))
        {
            return CommonErrors.NotFound;
        }

        var row = await (
                from a in db.Associations.AsNoTracking().VisibleTo(user)
                where a.Id == associationId
                join c in db.Claims on a.ClaimId equals c.Id
                from e in db.AssociationEligibility.Where(e => e.AssociationId == a.Id).DefaultIfEmpty()
                select new { Association = a, ClaimName = c.Name, Eligible = e == null ? (bool?)null : e.Eligible })
            .SingleOrDefaultAsync(ct);
        return row is null ? CommonErrors.NotFound : AssociationResponse.From(row.Association, row.ClaimName, row.Eligible);
    }
}
