namespace Cpor.Domain;

/// <summary>
/// What claim validation needs to know, loaded before validating: the named tenant and its
/// subscriptions, any other subscription the claim names, the catalog and the organisation's MPN IDs.
/// </summary>
public sealed record DirectorySnapshot(
    TenantInfo? Tenant,
    IReadOnlyDictionary<Guid, SubscriptionInfo> Subscriptions,
    IReadOnlyDictionary<string, ProductInfo> Products,
    IReadOnlyDictionary<string, MpnInfo> OrgMpns);
