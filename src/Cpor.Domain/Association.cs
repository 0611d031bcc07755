namespace Cpor.Domain;

/// <summary>
/// One unit (workload or subscription) held by a partner through an approved claim. Associations
/// live and end per unit (CPOR.md §6, docs/decisions/0010-associations-per-unit.md): a claim keeps
/// its other units when one ends. The database allows at most one Active association per unit key,
/// one holder that is not being handed over, and one that is.
/// </summary>
public sealed class Association
{
    private Association()
    {
    }

    internal Association(string id, Claim claim, ClaimProduct product, DateTimeOffset approvedAt)
    {
        Id = id;
        ClaimId = claim.Id;
        PartnerOrgId = claim.PartnerOrgId;
        MpnId = claim.MpnId;
        TenantId = claim.TenantId;
        Activity = claim.Activity;
        SolutionArea = claim.SolutionArea;
        ProgramId = claim.ProgramId;
        ProductId = product.ProductId;
        SubscriptionId = product.SubscriptionId;
        UnitKey = product.UnitKey;
        UnitKind = product.UnitKind;
        State = AssociationState.Approved;
        ApprovedAt = approvedAt;
    }

    public string Id { get; private set; } = "";

    public string ClaimId { get; private set; } = "";

    public string PartnerOrgId { get; private set; } = "";

    public string MpnId { get; private set; } = "";

    public Guid TenantId { get; private set; }

    public SolutionArea SolutionArea { get; private set; }

    public Activity Activity { get; private set; }

    public string? ProgramId { get; private set; }

    public string ProductId { get; private set; } = "";

    public Guid? SubscriptionId { get; private set; }

    public string UnitKey { get; private set; } = "";

    public UnitKind UnitKind { get; private set; }

    public AssociationState State { get; private set; }

    public DateTimeOffset ApprovedAt { get; private set; }

    public DateTimeOffset? ActiveFrom { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public EndReason? EndReason { get; private set; }

    /// <summary>Imported from before CPOR (CPOR.md §12); ends by itself at <see cref="ExpiresAt"/>.</summary>
    public bool Legacy { get; private set; }

    /// <summary>When a legacy association ends by itself (the subscription's end date).</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>
    /// The claim arbitration gave this unit to: the association ends (Superseded) when that claim's
    /// association becomes Active, and stays as it is if the customer refuses that claim. Null
    /// when no handover is pending.
    /// </summary>
    public string? SupersededByClaimId { get; private set; }

    public bool HoldsUnit => State is AssociationState.Approved or AssociationState.Active;

    /// <summary>Holds the unit until another claim's association becomes Active.</summary>
    public bool HandoverPending => HoldsUnit && SupersededByClaimId is not null;

    /// <summary>Was official at some moment; only such an association can be eligible (CPOR.md §10).</summary>
    public bool WasActive => ActiveFrom is not null;

    /// <summary>The unit as a person reads it: the product, and the subscription when there is one.</summary>
    public string UnitLabel => SubscriptionId is { } s ? $"{ProductId} ({s:D})" : ProductId;

    internal void Activate(DateTimeOffset at)
    {
        State = AssociationState.Active;
        ActiveFrom = at;
    }

    internal void MarkLegacy(DateTimeOffset activeFrom, DateTimeOffset? expiresAt)
    {
        Legacy = true;
        ExpiresAt = expiresAt;
        Activate(activeFrom);
    }

    internal void End(EndReason reason, DateTimeOffset at)
    {
        State = AssociationState.Ended;
        EndReason = reason;
        EndedAt = at;
    }

    internal void HandOverTo(string claimId) => SupersededByClaimId = claimId;

    internal void KeepUnit() => SupersededByClaimId = null;

    internal void Cancel(DateTimeOffset at)
    {
        State = AssociationState.Cancelled;
        EndedAt = at;
    }
}
