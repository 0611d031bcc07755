namespace Cpor.Web.Pages.Admin;

/// <summary>The create-user form.</summary>
public sealed class NewUser
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? PartnerOrgId { get; set; }

    public string? TenantId { get; set; }

    public string? Language { get; set; }

    public string? TimeZone { get; set; }
}
