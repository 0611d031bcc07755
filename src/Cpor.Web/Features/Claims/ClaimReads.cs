using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

/// <summary>Read-side access to claims, always through the caller's visibility.</summary>
public static class ClaimReads
{
    /// <summary>The claims the user may see: all for reviewers, their organisation's for partner users, none otherwise.</summary>
    public static IQueryable<Claim> VisibleTo(this IQueryable<Claim> claims, CurrentUser user) =>
        user.IsReviewer ? claims
        : user.IsPartner ? claims.Where(c => c.PartnerOrgId == user.PartnerOrgId)
        : claims.Where(c => false);

    public static Task<Claim?> FindVisibleAsync(CporDb db, CurrentUser user, string claimId, CancellationToken ct) =>
        !Ids.MayExist(claimId)
            ? Task.FromResult<Claim?>(null)
            : ClaimCommands.LoadAsync(db.Claims.AsNoTracking().VisibleTo(user), claimId, ct);
}
