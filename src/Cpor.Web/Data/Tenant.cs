namespace Cpor.Web.Data;

/// <summary>A customer tenant, imported from the directory.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Country { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public List<TenantDomain> Domains { get; set; } = [];

    public List<TenantWorkload> Workloads { get; set; } = [];
}
