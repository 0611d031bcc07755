namespace Cpor.Domain;

/// <summary>Lifecycle state of a subscription in the commerce system.</summary>
public enum SubscriptionState
{
    Active,
    Grace,
    Disabled,
    Deleted,
}
