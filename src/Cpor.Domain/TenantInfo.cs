namespace Cpor.Domain;

/// <summary>A customer tenant as the directory knows it.</summary>
public sealed record TenantInfo(Guid Id, string Name, IReadOnlyCollection<string> Domains, IReadOnlyCollection<string> Workloads);
