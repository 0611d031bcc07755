namespace Cpor.Domain;

/// <summary>A person to contact. The partner contact has no title.</summary>
public sealed record Contact(string Name, string? Title, string Email);

/// <summary>The extra fields of a Revenue association claim.</summary>
public sealed record RevenueAssociationDetails(string SolutionSellerName, string CustomerName, string IsvProductName);

/// <summary>A product of a claim once checked against the directory: the subscription is resolved.</summary>
public sealed record ResolvedProduct(string ProductId, Guid? SubscriptionId, string UnitKey, UnitKind UnitKind);

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

/// <summary>One field's value before and after a change, as shown in the history.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);
