namespace Cpor.Domain;

/// <summary>How a customer bought a subscription.</summary>
public enum SubscriptionChannel
{
    VolumeLicensing,
    WebDirect,
    CSP,
}
