namespace Cpor.Domain;

/// <summary>Everything the partner fills in, once validated, except the products and PoE files.</summary>
public sealed record ClaimDetails(
    string Name,
    string? ExternalId,
    string MpnId,
    Guid TenantId,
    string CustomerDomain,
    SolutionArea SolutionArea,
    Activity Activity,
    Contact CustomerContact,
    Contact? TechnicalContact,
    Contact PartnerContact,
    RevenueAssociationDetails? RevenueAssociation);
