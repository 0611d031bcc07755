namespace Cpor.Domain;

/// <summary>A product of a claim once checked against the directory: the subscription is resolved.</summary>
public sealed record ResolvedProduct(string ProductId, Guid? SubscriptionId, string UnitKey, UnitKind UnitKind);
