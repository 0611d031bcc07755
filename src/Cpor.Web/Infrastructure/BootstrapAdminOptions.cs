namespace Cpor.Web.Infrastructure;

/// <summary>The one account a fresh install has.</summary>
public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}
