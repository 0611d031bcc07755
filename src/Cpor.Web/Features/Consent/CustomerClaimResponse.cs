using Cpor.Domain;

namespace Cpor.Web.Features.Consent;

public sealed record CustomerProduct(string ProductId, string ProductName, Guid? SubscriptionId);

public sealed record CustomerAssociation(
    string Id,
    string ProductId,
    Guid? SubscriptionId,
    AssociationState State,
    DateTimeOffset ApprovedAt,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? EndedAt,
    EndReason? EndReason,
    bool Legacy,
    DateTimeOffset? ExpiresAt);

/// <summary>
/// A claim as the customer's admin sees it: who claims what on their tenant, where it stands and
/// what they may do about it — not the partner's contacts, proof of execution or comments.
/// </summary>
public sealed record CustomerClaimResponse(
    string Id,
    string Name,
    string PartnerOrgId,
    string PartnerName,
    string MpnId,
    Guid TenantId,
    SolutionArea SolutionArea,
    Activity Activity,
    IReadOnlyList<CustomerProduct> Products,
    ClaimStatus Status,
    string? StatusReason,
    DateTimeOffset? ConsentEndsAt,
    bool CanOptOut,
    bool CanEnd,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<CustomerAssociation> Associations,
    DateTimeOffset UpdatedAt)
{
    public static CustomerClaimResponse From(Claim c, string partnerName, IReadOnlyDictionary<string, string> productNames, DateTimeOffset now) => new(
        c.Id,
        c.Name,
        c.PartnerOrgId,
        partnerName,
        c.MpnId,
        c.TenantId,
        c.SolutionArea,
        c.Activity,
        [.. c.Products.Select(p => new CustomerProduct(p.ProductId, productNames.GetValueOrDefault(p.ProductId) ?? p.ProductId, p.SubscriptionId))],
        c.Status,
        c.StatusReason,
        c.ConsentEndsAt,
        IsOptOutOpen(c, now),
        c.Status == ClaimStatus.Active,
        c.DecidedAt,
        [.. c.Associations.OrderBy(a => a.ApprovedAt).Select(a => new CustomerAssociation(
            a.Id, a.ProductId, a.SubscriptionId, a.State, a.ApprovedAt, a.ActiveFrom, a.EndedAt, a.EndReason, a.Legacy, a.ExpiresAt))],
        c.UpdatedAt);

    /// <summary>Approved and the window still open (the clock may not have made it Active yet).</summary>
    public static bool IsOptOutOpen(Claim c, DateTimeOffset now) => c.Status == ClaimStatus.Approved && c.ConsentEndsAt is { } end && now < end;
}
