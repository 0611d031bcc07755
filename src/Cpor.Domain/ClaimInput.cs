namespace Cpor.Domain;

/// <summary>A contact as typed by the partner, before validation.</summary>
public sealed record ContactInput(string? Name, string? Title, string? Email);

/// <summary>A product line as typed by the partner; the subscription is needed for some Dynamics 365 products.</summary>
public sealed record ProductInput(string? ProductId, string? SubscriptionId);

/// <summary>Revenue association fields as typed by the partner.</summary>
public sealed record RevenueAssociationInput(string? SolutionSellerName, string? CustomerName, string? IsvProductName);

/// <summary>A claim as the partner typed it: every value is still text and may be missing or wrong.</summary>
public sealed record ClaimInput(
    string? Name,
    string? ExternalId,
    string? MpnId,
    string? TenantId,
    string? CustomerDomain,
    string? SolutionArea,
    string? Activity,
    IReadOnlyList<ProductInput>? Products,
    ContactInput? CustomerContact,
    ContactInput? TechnicalContact,
    ContactInput? PartnerContact,
    RevenueAssociationInput? RevenueAssociation);
