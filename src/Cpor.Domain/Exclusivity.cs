namespace Cpor.Domain;

/// <summary>
/// CPOR.md §6: one partner organisation may not claim a unit twice while a claim of its own is
/// open; another organisation's open claim or association makes the new claim competing.
/// </summary>
public static class Exclusivity
{
    /// <summary>
    /// Checks <paramref name="products"/> of a claim of <paramref name="partnerOrgId"/> (the
    /// claim <paramref name="claimId"/> itself excluded when editing) against the open claims
    /// that name the same units.
    /// </summary>
    public static (DomainError? Error, bool Competing) Check(
        string partnerOrgId, string? claimId, IReadOnlyList<ResolvedProduct> products, IEnumerable<UnitOccupant> occupants)
    {
        var others = occupants.Where(o => o.ClaimId != claimId && ClaimLifecycle.IsOpen(o.Status)).ToList();
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i];
            if (others.Any(o => o.UnitKey == product.UnitKey && o.PartnerOrgId == partnerOrgId))
            {
                return (AlreadyClaimed(product, $"products[{i}]"), false);
            }
        }

        var competing = others.Any(o => o.PartnerOrgId != partnerOrgId && products.Any(p => p.UnitKey == o.UnitKey));
        return (null, competing);
    }

    /// <summary>The duplicate error for a unit of this kind.</summary>
    public static DomainError AlreadyClaimed(ResolvedProduct product, string field) => product.UnitKind switch
    {
        UnitKind.Subscription => new DomainError(ErrorCodes.SubscriptionAlreadyClaimed, field, product.SubscriptionId?.ToString("D") ?? product.ProductId),
        UnitKind.Workload => new DomainError(ErrorCodes.WorkloadAlreadyClaimed, field, product.ProductId),
    };
}
