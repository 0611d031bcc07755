using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Review;

public sealed record ArbitrationAssociation(
    string Id, string ProductId, Guid? SubscriptionId, AssociationState State, DateTimeOffset ApprovedAt, DateTimeOffset? ActiveFrom, bool Legacy, DateTimeOffset? ExpiresAt);

public sealed record ArbitrationAttachment(
    string Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy, string DownloadUrl);

/// <summary>One side of an arbitration: the claim, who filed it, what it holds and its proof of execution, newest first.</summary>
public sealed record ArbitrationSide(
    string Id,
    string Name,
    string PartnerOrgId,
    string PartnerName,
    string MpnId,
    ClaimStatus Status,
    string? StatusReason,
    bool Competing,
    bool HoldsUnit,
    IReadOnlyList<ClaimProductResponse> Products,
    IReadOnlyList<ClaimProductResponse> SharedProducts,
    IReadOnlyList<ArbitrationAssociation> Associations,
    IReadOnlyList<ArbitrationAttachment> Attachments,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset CreatedAt);

public sealed record CompetitorsResponse(ArbitrationSide Claim, IReadOnlyList<ArbitrationSide> Competitors);

/// <summary>
/// GET /api/v1/claims/{id}/competitors: the claim and every other open claim or association on
/// its units, with their PoE files, side by side for arbitration (CPOR.md §6). Reviewers only.
/// </summary>
public sealed class ClaimCompetitors(CporDb db, CurrentUser user, Arbitration arbitration)
{
    public async Task<Outcome<CompetitorsResponse>> HandleAsync(string claimId, CancellationToken ct)
    {
        var claim = await ClaimReads.FindVisibleAsync(db, user, claimId, ct);
        if (claim is null)
        {
            return CommonErrors.NotFound;
        }

        if (!ClaimPermissions.CanReview(user))
        {
            return CommonErrors.Forbidden;
        }

        var units = claim.Products.Select(p => p.UnitKey).Distinct().ToList();
        var ids = await arbitration.CompetitorIdsAsync(claim.Id, units, ct);
        var others = await db.Claims.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Include(c => c.Products).Include(c => c.Attachments).Include(c => c.Associations)
            .AsSplitQuery()
            .ToListAsync(ct);
        var orgIds = others.Select(c => c.PartnerOrgId).Append(claim.PartnerOrgId).Distinct().ToList();
        var names = await db.PartnerOrgs.AsNoTracking().Where(p => orgIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var unitSet = units.ToHashSet();
        var sides = others
            .Select(c => Side(c, names, unitSet))
            .OrderByDescending(s => s.HoldsUnit)
            .ThenBy(s => s.SubmittedAt ?? s.CreatedAt)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        return new CompetitorsResponse(Side(claim, names, unitSet), sides);
    }

    private static ArbitrationSide Side(Claim c, Dictionary<string, string> names, HashSet<string> units) => new(
        c.Id,
        c.Name,
        c.PartnerOrgId,
        names.GetValueOrDefault(c.PartnerOrgId) ?? c.PartnerOrgId,
        c.MpnId,
        c.Status,
        c.StatusReason,
        c.Competing,
        c.Associations.Any(a => a.HoldsUnit && units.Contains(a.UnitKey)),
        [.. c.Products.Select(p => new ClaimProductResponse(p.ProductId, p.SubscriptionId))],
        [.. c.Products.Where(p => units.Contains(p.UnitKey)).Select(p => new ClaimProductResponse(p.ProductId, p.SubscriptionId))],
        [.. c.Associations.OrderBy(a => a.ApprovedAt).Select(a => new ArbitrationAssociation(a.Id, a.ProductId, a.SubscriptionId, a.State, a.ApprovedAt, a.ActiveFrom, a.Legacy, a.ExpiresAt))],
        // The newest proof first: it is what arbitration weighs (CPOR.md §5).
        [.. c.Attachments.OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).Select(a => new ArbitrationAttachment(
            a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedByName, $"/api/v1/claims/{c.Id}/attachments/{a.Id}"))],
        c.SubmittedAt,
        c.CreatedAt);
}
