using System.IO.Compression;
using System.Security;
using System.Text;
using Cpor.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Cpor.Web.Features.Claims;

/// <summary>
/// The downloadable proof-of-execution template: a Word document in the caller's language with
/// the sections reviewers look for (the reasons they ask for more information, turned into headings).
/// </summary>
public sealed class PoeTemplate(IStringLocalizer<DocumentText> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly (string Heading, string Body)[] Sections =
    [
        ("poe.partner", "poe.partner.fields"),
        ("poe.customer", "poe.customer.fields"),
        ("poe.products", "poe.products.hint"),
        ("poe.services", "poe.services.hint"),
        ("poe.dates", "poe.dates.hint"),
        ("poe.ack", "poe.ack.text"),
    ];

    public byte[] Build()
    {
        var body = new StringBuilder();
        body.Append(Paragraph(text["poe.title"], bold: true, size: 32));
        body.Append(Paragraph(text["poe.intro"]));
        foreach (var (heading, hint) in Sections)
        {
            body.Append(Paragraph(text[heading], bold: true, size: 26));
            foreach (var line in text[hint].Value.Split('\n'))
            {
                body.Append(Paragraph(line));
            }

            body.Append(Paragraph(""));
        }

        body.Append(Paragraph(text["poe.ack.fields"]));
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """);
            Add(zip, "word/document.xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>
                """);
        }

        return buffer.ToArray();
    }

    private static string Paragraph(string content, bool bold = false, int size = 22) =>
        $"<w:p><w:r><w:rPr>{(bold ? "<w:b/>" : "")}<w:sz w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{SecurityElement.Escape(content)}</w:t></w:r></w:p>";

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
