namespace Cpor.E2E.Infrastructure;

/// <summary>A demo customer nobody has claimed yet, and what can be claimed there.</summary>
public sealed record DemoCustomer(string TenantId, string Name, string Domain, string ProductName, string? SubscriptionId);
