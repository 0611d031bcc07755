namespace Cpor.Web.Infrastructure;

public sealed class SecurityOptions
{
    /// <summary>PBKDF2 iterations for stored passwords.</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>Lifetime of an API bearer token.</summary>
    public int AccessTokenMinutes { get; set; } = 60;
}
