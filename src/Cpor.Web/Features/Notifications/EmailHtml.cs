using System.Text;
using System.Text.RegularExpressions;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// The HTML alternative of a composed e-mail, made from the same text: every character encoded,
/// blank-line separated blocks as paragraphs, line breaks kept, "&gt; " quotes (what people typed)
/// as a blockquote, and http(s) addresses as links. No template: the text stays the one source.
/// </summary>
public static partial class EmailHtml
{
    public static string Render(string text, string language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(language)).Append("\">\n")
            .Append("<head><meta charset=\"utf-8\"></head>\n<body>\n");
        foreach (var block in Blocks(text))
        {
            var quoted = block.All(l => l.StartsWith('>'));
            var lines = quoted ? block.Select(l => l.StartsWith("> ", StringComparison.Ordinal) ? l[2..] : l[1..]).ToList() : block;
            html.Append(quoted ? "<blockquote><p>" : "<p>");
            for (var i = 0; i < lines.Count; i++)
            {
                html.Append(i == 0 ? "" : "<br>\n");
                Line(html, lines[i]);
            }

            html.Append(quoted ? "</p></blockquote>\n" : "</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Runs of non-blank lines.</summary>
    private static IEnumerable<List<string>> Blocks(string text)
    {
        var block = new List<string>();
        foreach (var line in text.Replace("\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                block.Add(line);
            }
            else if (block.Count > 0)
            {
                yield return block;
                block = [];
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }

    private static void Line(StringBuilder html, string line)
    {
        var at = 0;
        foreach (Match link in Link().Matches(line))
        {
            html.Append(Encode(line[at..link.Index]));
            var url = Encode(link.Value);
            html.Append("<a href=\"").Append(url).Append("\">").Append(url).Append("</a>");
            at = link.Index + link.Length;
        }

        html.Append(Encode(line[at..]));
    }

    /// <summary>Enough for text between tags and inside double-quoted attributes; other characters stay as they are (the part is UTF-8).</summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    // An address ends before white space, markup characters, or punctuation that closes a sentence.
    [GeneratedRegex(@"https?://[^\s<>""']+?(?=[.,;:!?)\]]*(?:\s|$|[<>""']))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
