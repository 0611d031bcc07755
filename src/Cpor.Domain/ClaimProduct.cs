namespace Cpor.Domain;

/// <summary>
/// A product (Microsoft 365 workload or Business Applications subscription) named by a claim.
/// Carries the claim's organisation and openness so the database can refuse a second open claim
/// of the same organisation on the same unit.
/// </summary>
public sealed class ClaimProduct
{
    private ClaimProduct()
    {
    }

    internal ClaimProduct(string claimId, string partnerOrgId, ResolvedProduct product, bool isOpen)
    {
        ClaimId = claimId;
        PartnerOrgId = partnerOrgId;
        ProductId = product.ProductId;
        SubscriptionId = product.SubscriptionId;
        UnitKey = product.UnitKey;
        UnitKind = product.UnitKind;
        IsOpen = isOpen;
    }

    public long Id { get; private set; }

    public string ClaimId { get; private set; } = "";

    public string PartnerOrgId { get; private set; } = "";

    public string ProductId { get; private set; } = "";

    public Guid? SubscriptionId { get; private set; }

    /// <summary>The key competing claims share (<see cref="ActivityRules.UnitKey"/>).</summary>
    public string UnitKey { get; private set; } = "";

    public UnitKind UnitKind { get; private set; }

    /// <summary>Mirrors <see cref="ClaimLifecycle.IsOpen"/> of the claim's status.</summary>
    public bool IsOpen { get; internal set; }

    public ResolvedProduct ToResolved() => new(ProductId, SubscriptionId, UnitKey, UnitKind);

    public override string ToString() => SubscriptionId is { } s ? $"{ProductId} ({s:D})" : ProductId;
}
