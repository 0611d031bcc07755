namespace Cpor.Domain;

/// <summary>How a customer bought a subscription.</summary>
public enum SubscriptionChannel
{
    VolumeLicensing,
    WebDirect,
    CSP,
}

/// <summary>Lifecycle state of a subscription in the commerce system.</summary>
public enum SubscriptionState
{
    Active,
    Grace,
    Disabled,
    Deleted,
}

/// <summary>A product or workload of the catalog (data, editable by program admins).</summary>
public sealed record ProductInfo(string Id, SolutionArea SolutionArea, string Name, bool RequiresTechnicalContact, bool Active);

/// <summary>A customer tenant as the directory knows it.</summary>
public sealed record TenantInfo(Guid Id, string Name, IReadOnlyCollection<string> Domains, IReadOnlyCollection<string> Workloads);

/// <summary>A subscription as the directory knows it.</summary>
public sealed record SubscriptionInfo(Guid Id, Guid TenantId, string ProductId, SubscriptionChannel Channel, SubscriptionState State, bool Provisioned)
{
    /// <summary>Business Applications claims accept volume licensing and web direct subscriptions that are provisioned and running.</summary>
    public DomainError? Unclaimable(string field) =>
        Channel == SubscriptionChannel.CSP ? new DomainError(ErrorCodes.SubscriptionIsCsp, field)
        : !Provisioned ? new DomainError(ErrorCodes.SubscriptionNotProvisioned, field)
        : State is not (SubscriptionState.Active or SubscriptionState.Grace) ? new DomainError(ErrorCodes.SubscriptionNotActive, field, State.ToString())
        : null;
}

/// <summary>An MPN ID of the partner's organisation and the programs it is enrolled in.</summary>
public sealed record MpnInfo(string MpnId, IReadOnlyCollection<string> Programs);

/// <summary>
/// What claim validation needs to know, loaded before validating: the named tenant and its
/// subscriptions, any other subscription the claim names, the catalog and the organisation's MPN IDs.
/// </summary>
public sealed record DirectorySnapshot(
    TenantInfo? Tenant,
    IReadOnlyDictionary<Guid, SubscriptionInfo> Subscriptions,
    IReadOnlyDictionary<string, ProductInfo> Products,
    IReadOnlyDictionary<string, MpnInfo> OrgMpns);
