namespace Cpor.Domain;

/// <summary>What the partner did for the customer.</summary>
public enum Activity
{
    PreSales,
    Usage,
    RevenueAssociation,
}
