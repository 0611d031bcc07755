namespace Cpor.Domain;

/// <summary>A product or workload of the catalog (data, editable by program admins).</summary>
public sealed record ProductInfo(string Id, SolutionArea SolutionArea, string Name, bool RequiresTechnicalContact, bool Active);
