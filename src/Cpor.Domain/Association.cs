namespace Cpor.Domain;

/// <summary>
/// One unit (workload or subscription) held by a partner through an approved claim. The database
/// allows at most one Approved-or-Active association per unit key.
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

    public bool HoldsUnit => State is AssociationState.Approved or AssociationState.Active;

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

    internal void Cancel(DateTimeOffset at)
    {
        State = AssociationState.Cancelled;
        EndedAt = at;
    }
}
