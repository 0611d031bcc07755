using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Consent;

/// <summary>What an opt-out link is about, for the page it opens.</summary>
public sealed record ConsentLinkResponse(
    string ClaimId,
    string ClaimName,
    string PartnerName,
    Guid TenantId,
    string TenantName,
    IReadOnlyList<CustomerProduct> Products,
    ClaimStatus Status,
    DateTimeOffset ConsentEndsAt,
    bool CanOptOut,
    string OptOutUrl);

/// <summary>
/// GET /api/v1/consent/{token}: the partner, the claim, its products and the window's end, so the
/// customer knows what they would refuse before they do.
/// </summary>
public sealed class ConsentLinkInfo(CporDb db, CustomerDecisions decisions, TimeProvider time)
{
    public async Task<Outcome<ConsentLinkResponse>> HandleAsync(string token, CancellationToken ct)
    {
        var read = await decisions.ReadLinkAsync(token, ct);
        if (!read.IsSuccess)
        {
            return Outcome<ConsentLinkResponse>.Failure(read.Errors);
        }

        var link = read.Value!.Link;
        var claim = await ClaimCommands.LoadAsync(db.Claims.AsNoTracking(), link.ClaimId, ct);
        if (claim is null || claim.TenantId != link.TenantId)
        {
            return new DomainError(ErrorCodes.ConsentLinkInvalid, "token");
        }

        if (claim.ConsentEndsAt != link.ConsentEndsAt)
        {
            return new DomainError(ErrorCodes.ConsentWindowClosed, null, link.ConsentEndsAt.ToString("O"));
        }

        var partner = await db.PartnerOrgs.AsNoTracking().Where(p => p.Id == claim.PartnerOrgId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == claim.TenantId).Select(t => t.Name).SingleOrDefaultAsync(ct);
        var productIds = claim.Products.Select(p => p.ProductId).ToList();
        var names = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return new ConsentLinkResponse(
            claim.Id,
            claim.Name,
            partner ?? claim.PartnerOrgId,
            claim.TenantId,
            tenant ?? claim.CustomerDomain,
            [.. claim.Products.Select(p => new CustomerProduct(p.ProductId, names.GetValueOrDefault(p.ProductId) ?? p.ProductId, p.SubscriptionId))],
            claim.Status,
            link.ConsentEndsAt,
            CustomerClaimResponse.IsOptOutOpen(claim, time.GetUtcNow()),
            $"/api/v1/consent/{token}/opt-out");
    }
}
