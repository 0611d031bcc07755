namespace Cpor.Web.Data;

/// <summary>A Microsoft 365 workload enabled on a tenant.</summary>
public sealed class TenantWorkload
{
    public Guid TenantId { get; set; }

    public string ProductId { get; set; } = "";
}
