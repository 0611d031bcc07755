namespace Cpor.Domain;

/// <summary>The extra fields of a Revenue association claim.</summary>
public sealed record RevenueAssociationDetails(string SolutionSellerName, string CustomerName, string IsvProductName);
