namespace Cpor.Web.Data;

/// <summary>A verified domain; a domain belongs to one tenant.</summary>
public sealed class TenantDomain
{
    public string Domain { get; set; } = "";

    public Guid TenantId { get; set; }
}
