using Cpor.Domain;
using Cpor.Web.Data;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cpor.Web.Features.Claims;

/// <summary>A subscription of the customer's tenant; <c>Unclaimable</c> is the error code that refuses it, null when it can be claimed.</summary>
public sealed record CustomerSubscription(
    Guid Id, string ProductId, SubscriptionChannel Channel, SubscriptionState State, int SeatsPurchased, int SeatsAssigned, string? Unclaimable);

/// <summary>A customer whose tenant ID and domain belong together: its name, enabled workloads and subscriptions.</summary>
public sealed record CustomerCheck(Guid TenantId, string TenantName, IReadOnlyList<string> Workloads, IReadOnlyList<CustomerSubscription> Subscriptions);

/// <summary>
/// Checks a customer's tenant ID and domain on the spot, with the claim validator's own rules, while
/// a partner fills in a claim. Only when they belong together does it tell what the tenant has:
/// its enabled workloads and its subscriptions, each saying whether it can be claimed.
/// </summary>
public sealed class CheckCustomer(CporDb db, CurrentUser user, ClaimDirectory directory)
{
    public async Task<Outcome<CustomerCheck>> HandleAsync(string? tenantId, string? customerDomain, CancellationToken ct)
    {
        if (!ClaimPermissions.CanCreate(user) && !ClaimPermissions.CanManage(user))
        {
            return CommonErrors.Forbidden;
        }

        var input = new ClaimInput(null, null, null, tenantId, customerDomain, null, null, null, null, null, null, null);
        var snapshot = await directory.LoadAsync(input, user.PartnerOrgId!, ct);
        var errors = ClaimValidator.Validate(input, snapshot).Errors
            .Where(e => e.Field is "tenantId" or "customerDomain")
            .ToList();
        if (errors.Count > 0)
        {
            return Outcome<CustomerCheck>.Failure(errors);
        }

        var tenant = snapshot.Tenant!;

        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.TenantId == tenant.Id)
            .OrderBy(s => s.ProductId).ThenBy(s => s.Id)
            .ToListAsync(ct);
        return new CustomerCheck(
            tenant.Id,
            tenant.Name,
            [.. tenant.Workloads.Order(StringComparer.Ordinal)],
            [.. subscriptions.Select(s => new CustomerSubscription(
                s.Id, s.ProductId, s.Channel, s.State, s.SeatsPurchased, s.SeatsAssigned, s.ToInfo().Unclaimable("subscriptionId")?.Code))]);
    }
}
