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
    RevenueAssociationInput? RevenueAssociation)
{
    /// <summary>
    /// A claim's partner fields as input again, the inverse of <see cref="ClaimValidator"/>:
    /// the base a PATCH is merged onto, and what submitting checks against the directory anew.
    /// </summary>
    public static ClaimInput From(Claim c) => new(
        c.Name,
        c.ExternalId,
        c.MpnId,
        c.TenantId.ToString("D"),
        c.CustomerDomain,
        c.SolutionArea.ToString(),
        c.Activity.ToString(),
        [.. c.Products.Select(p => new ProductInput(p.ProductId, p.SubscriptionId?.ToString("D")))],
        new ContactInput(c.CustomerContact.Name, c.CustomerContact.Title, c.CustomerContact.Email),
        c.TechnicalContact is { } t ? new ContactInput(t.Name, t.Title, t.Email) : null,
        new ContactInput(c.PartnerContact.Name, null, c.PartnerContact.Email),
        c.RevenueAssociation is { } r ? new RevenueAssociationInput(r.SolutionSellerName, r.CustomerName, r.IsvProductName) : null);
}
