namespace Cpor.Web.Infrastructure;

public sealed class DemoOptions
{
    /// <summary>Seed the demo world into an empty database and print its sign-ins.</summary>
    public bool Enabled { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string Password { get; set; } = "Demo-pass-2026!";
}
