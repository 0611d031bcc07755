using System.IO.Compression;
using System.Text;
using Cpor.Domain;

namespace Cpor.Web.Features.Claims;

/// <summary>
/// Decides what a PoE file is from its bytes, never from its name or the client's content type,
/// and accepts only PDF, Office documents, images and e-mail whose extension agrees with the
/// content (an executable renamed <c>.pdf</c> is refused).
/// </summary>
public static class PoeFileTypes
{
    private static readonly Dictionary<string, string> OoxmlByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    private static readonly Dictionary<string, string> OleByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["doc"] = "application/msword",
        ["xls"] = "application/vnd.ms-excel",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["msg"] = "application/vnd.ms-outlook",
    };

    private static readonly Dictionary<string, string> OpenDocumentByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["odt"] = "application/vnd.oasis.opendocument.text",
        ["ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        ["odp"] = "application/vnd.oasis.opendocument.presentation",
    };

    /// <summary>The accepted extensions, for the upload form and error messages.</summary>
    public static readonly IReadOnlyList<string> Extensions =
        ["pdf", "png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "msg", "odt", "ods", "odp", "eml"];

    /// <summary>The content type of an acceptable file, or the error that refuses it.</summary>
    public static (string? ContentType, DomainError? Error) Detect(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        var head = new byte[4096];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        var detected = Sniff(bytes, content, extension);
        if (detected is null)
        {
            return (null, new DomainError(ErrorCodes.AttachmentTypeNotAllowed, "file", extension, string.Join(", ", Extensions)));
        }

        return (detected, null);
    }

    private static string? Sniff(ReadOnlySpan<byte> b, Stream content, string extension)
    {
        if (b.StartsWith("%PDF-"u8))
        {
            return extension == "pdf" ? "application/pdf" : null;
        }

        if (b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return extension == "png" ? "image/png" : null;
        }

        if (b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return extension is "jpg" or "jpeg" ? "image/jpeg" : null;
        }

        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8))
        {
            return extension == "gif" ? "image/gif" : null;
        }

        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return extension == "webp" ? "image/webp" : null;
        }

        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8))
        {
            return extension is "tif" or "tiff" ? "image/tiff" : null;
        }

        if (b.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            // Compound files: legacy Word, Excel, PowerPoint, Outlook messages. The container says
            // little more, so the extension must name one of them.
            return OleByExtension.GetValueOrDefault(extension);
        }

        if (b.StartsWith("PK\x03\x04"u8))
        {
            return ZipDocument(content, extension);
        }

        return LooksLikeEmail(b) && extension == "eml" ? "message/rfc822" : null;
    }

    /// <summary>An Office Open XML or OpenDocument package whose parts match the extension; any other zip is refused.</summary>
    private static string? ZipDocument(Stream content, string extension)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("[Content_Types].xml"))
            {
                var part = extension switch
                {
                    "docx" => "word/",
                    "xlsx" => "xl/",
                    "pptx" => "ppt/",
                    _ => null,
                };
                return part is not null && names.Any(n => n.StartsWith(part, StringComparison.Ordinal)) ? OoxmlByExtension[extension] : null;
            }

            if (zip.GetEntry("mimetype") is { } mimetype && OpenDocumentByExtension.TryGetValue(extension, out var expected))
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == expected ? expected : null;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>RFC 5322 text: header lines first, a From header, no NUL bytes.</summary>
    private static bool LooksLikeEmail(ReadOnlySpan<byte> b)
    {
        if (b.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(b);
        var headers = text.Split('\n').TakeWhile(l => l.TrimEnd('\r').Length > 0).ToList();
        var named = headers.Where(l => !char.IsWhiteSpace(l.FirstOrDefault())).ToList();
        return named.Count >= 2
            && named.All(l => l.IndexOf(':', StringComparison.Ordinal) > 0 && l[..l.IndexOf(':', StringComparison.Ordinal)].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && named.Any(l => l.StartsWith("From:", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A file name safe to keep and to send back in Content-Disposition: no folders, no "..",
    /// no control characters, a name before the extension, at most 255 characters.
    /// </summary>
    public static bool IsSafeFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= 255
        && name == name.Trim()
        && !name.Contains('/') && !name.Contains('\\') && !name.Contains("..", StringComparison.Ordinal)
        && !name.StartsWith('.')
        && !name.Any(c => char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*')
        && Path.GetFileNameWithoutExtension(name).Length > 0;
}
