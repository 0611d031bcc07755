namespace Cpor.Domain;

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
