using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Features.Claims;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Consent;

/// <summary>One claim in the customer's view, and the version a change made from it must match.</summary>
public sealed record CustomerClaimDetail(CustomerClaimResponse Claim, int Version);

/// <summary>
/// GET /api/v1/customer/claims: the claims and associations on the customer admin's tenant,
/// newest first, drafts excluded (a partner's draft is not yet a claim on anyone). Filter
/// <c>status</c> (comma-separated).
/// </summary>
public sealed class CustomerClaims(CporDb db, CurrentUser user, TimeProvider time)
{
    private const string CursorSort = "customer-claims";

    /// <summary>The claims a customer admin may see and act on: their tenant's, past Draft.</summary>
    public static bool Visible(CurrentUser user, Claim claim) =>
        user.IsCustomerAdmin && claim.TenantId == user.TenantId && claim.Status != ClaimStatus.Draft;

    public async Task<Outcome<Page<CustomerClaimResponse>>> HandleAsync(string? status, int? limit, string? cursor, CancellationToken ct)
    {
        if (!user.IsCustomerAdmin)
        {
            return CommonErrors.Forbidden;
        }

        var statuses = new List<ClaimStatus>();
        foreach (var value in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Review.ReviewReasons.TryParse<ClaimStatus>(value, out var parsed))
            {
                return new DomainError(ErrorCodes.FilterInvalid, "status", value);
            }

            statuses.Add(parsed);
        }

        if (!Cursor.TryDecode(cursor, CursorSort, out var after))
        {
            return new DomainError(ErrorCodes.CursorInvalid, "cursor");
        }

        var tenant = user.TenantId!.Value;
        var query = db.Claims.AsNoTracking().Where(c => c.TenantId == tenant && c.Status != ClaimStatus.Draft);
        if (statuses.Count > 0)
        {
            query = query.Where(c => statuses.Contains(c.Status));
        }

        if (after is not null)
        {
            var id = after.Id;
            query = query.Where(c => string.Compare(c.Id, id) < 0);
        }

        var take = Paging.Clamp(limit);
        var rows = await query.OrderByDescending(c => c.Id)
            .Include(c => c.Products).Include(c => c.Associations)
            .AsSplitQuery()
            .Take(take + 1)
            .ToListAsync(ct);
        var items = rows.Take(take).ToList();
        var orgIds = items.Select(c => c.PartnerOrgId).Distinct().ToList();
        var partners = await db.PartnerOrgs.AsNoTracking().Where(p => orgIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var products = await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var now = time.GetUtcNow();
        var next = rows.Count > take ? new Cursor(CursorSort, null, items[^1].Id).Encode() : null;
        return new Page<CustomerClaimResponse>(
            [.. items.Select(c => CustomerClaimResponse.From(c, partners.GetValueOrDefault(c.PartnerOrgId) ?? c.PartnerOrgId, products, now))],
            next);
    }

    /// <summary>
    /// One claim of the customer admin's tenant, as the list shows it (the web UI's claim page): the
    /// same 404 whether it does not exist, is another tenant's, or is still a draft.
    /// </summary>
    public async Task<Outcome<CustomerClaimDetail>> FindAsync(string claimId, CancellationToken ct)
    {
        if (!user.IsCustomerAdmin)
        {
            return CommonErrors.Forbidden;
        }

        var claim = !Ids.MayExist(claimId) ? null : await ClaimCommands.LoadAsync(db.Claims.AsNoTracking(), claimId, ct);
        return claim is not null && Visible(user, claim) ? new CustomerClaimDetail(await ViewAsync(claim, ct), claim.Version) : CommonErrors.NotFound;
    }

    /// <summary>One claim in the customer's view, after an opt-out or an end.</summary>
    public async Task<CustomerClaimResponse> ViewAsync(Claim claim, CancellationToken ct)
    {
        var partner = await db.PartnerOrgs.AsNoTracking().Where(p => p.Id == claim.PartnerOrgId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        var productIds = claim.Products.Select(p => p.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return CustomerClaimResponse.From(claim, partner ?? claim.PartnerOrgId, products, time.GetUtcNow());
    }
}
