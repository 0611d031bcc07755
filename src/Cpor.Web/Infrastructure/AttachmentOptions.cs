namespace Cpor.Web.Infrastructure;

public sealed class AttachmentOptions
{
    /// <summary>Largest PoE file, in bytes (20 MB by default).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Folder of the content-addressed file store.</summary>
    public string Path { get; set; } = ".data/attachments";
}
