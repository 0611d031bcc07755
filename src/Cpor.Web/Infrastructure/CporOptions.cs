using Cpor.Domain;

namespace Cpor.Web.Infrastructure;

/// <summary>The product's settings (section <c>Cpor</c>; environment variables <c>Cpor__Section__Key</c>).</summary>
public sealed class CporOptions
{
    public const string Section = "Cpor";

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    public AttachmentOptions Attachments { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public ClaimTimings Timings { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    /// <summary>Where people reach the product; used in e-mailed links.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Largest directory import body, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}

/// <summary>The one account a fresh install has.</summary>
public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

public sealed class AttachmentOptions
{
    /// <summary>Largest PoE file, in bytes (20 MB by default).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Folder of the content-addressed file store.</summary>
    public string Path { get; set; } = ".data/attachments";
}

public sealed class DemoOptions
{
    /// <summary>Seed the demo world into an empty database and print its sign-ins.</summary>
    public bool Enabled { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string Password { get; set; } = "Demo-pass-2026!";
}

public sealed class SecurityOptions
{
    /// <summary>PBKDF2 iterations for stored passwords.</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    /// <summary>Lifetime of an API bearer token.</summary>
    public int AccessTokenMinutes { get; set; } = 60;
}
