using System.IO.Compression;
using System.Text;
using Cpor.Web.Features.Demo;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>Test files with real signatures.</summary>
public static class Files
{
    public static byte[] Pdf(string text) => DemoWorld.DemoPdf(text);

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];

    /// <summary>A Windows executable header: what a renamed malware sample starts with.</summary>
    public static byte[] Executable() => [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]];

    public static byte[] Eml() => Encoding.UTF8.GetBytes("From: ann.lee@customer.test\r\nTo: pat@contoso.test\r\nSubject: Confirmation\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\n\r\nWe confirm the Teams rollout.\r\n");

    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types/>");
            Write(zip, "word/document.xml", "<w:document/>");
        }

        return buffer.ToArray();
    }

    public static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "payload.exe", "MZ");
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(content);
    }
}
