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

    public KeyRingOptions DataProtection { get; set; } = new();

    /// <summary>Where people reach the product; used in e-mailed links.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Largest directory import body, in bytes.</summary>
    public long MaxImportBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
