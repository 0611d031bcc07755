using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// Who sees which association (CPOR.md §2, §9): official ones only — Active, or Ended with their
/// data up to the end — of the caller's own organisation for partner users, all of them for
/// reviewers, none for anybody else. Everything else is answered 404, not 403.
/// </summary>
public static class AssociationReads
{
    public static IQueryable<Association> VisibleTo(this IQueryable<Association> associations, CurrentUser user)
    {
        var official = associations.Where(a => a.State == AssociationState.Active || a.State == AssociationState.Ended);
        if (user.IsReviewer)
        {
            return official;
        }

        var org = user.PartnerOrgId;
        return user.IsPartner ? official.Where(a => a.PartnerOrgId == org) : official.Where(a => false);
    }

    /// <summary>True when the caller may list associations at all (partner users and reviewers).</summary>
    public static bool CanList(CurrentUser user) => user.IsPartner || user.IsReviewer;

    public static async Task<Association?> FindVisibleAsync(CporDb db, CurrentUser user, string associationId, CancellationToken ct) =>
        !Ids.MayExist(associationId)
            ? null
            : await db.Associations.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(a => a.Id == associationId, ct);
}
