using System.Globalization;
using System.Text;

namespace Cpor.Web.Features.Notifications;

/// <summary>One e-mail ready to go, and its RFC 5322 form.</summary>
public sealed record MailEnvelope(
    string MessageId,
    string FromAddress,
    string FromName,
    string To,
    string Subject,
    string Body,
    string Language,
    DateTimeOffset Date,
    IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders)
{
    private const int LineLength = 76;

    /// <summary>
    /// The message as bytes, CRLF line ends, 7-bit clean: the subject and sender name as RFC 2047
    /// encoded words, the UTF-8 body in base64. Nothing a person typed can add a header line.
    /// </summary>
    public byte[] ToMime()
    {
        var text = new StringBuilder();
        Header(text, "Date", Date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(text, "From", $"{EncodeWords(FromName)} <{FromAddress}>");
        Header(text, "To", $"<{To}>");
        Header(text, "Subject", EncodeWords(Subject));
        Header(text, "Message-ID", MessageId);
        Header(text, "MIME-Version", "1.0");
        Header(text, "Content-Type", "text/plain; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "base64");
        Header(text, "Content-Language", Language);
        // Out-of-office replies and the like must not answer an automatic message (RFC 3834).
        Header(text, "Auto-Submitted", "auto-generated");
        foreach (var (name, value) in ExtraHeaders)
        {
            Header(text, name, value);
        }

        text.Append("\r\n");
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));
        for (var i = 0; i < body.Length; i += LineLength)
        {
            text.Append(body, i, Math.Min(LineLength, body.Length - i)).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void Header(StringBuilder text, string name, string value)
    {
        // Line breaks only as folding (CRLF + space, from EncodeWords); nothing else can start a header line.
        if (value.Replace("\r\n ", " ", StringComparison.Ordinal).Any(c => c is '\r' or '\n' || c > 127)
            || name.Any(c => c is ':' or ' ' || c < 33 || c > 126))
        {
            throw new ArgumentException($"Header {name} is not 7-bit single-line text.");
        }

        text.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    /// <summary>RFC 2047 base64 encoded words (at most 75 characters each), folded onto continuation lines.</summary>
    public static string EncodeWords(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~') && value.Length <= 60)
        {
            return value;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in value.Replace('\r', ' ').Replace('\n', ' ').EnumerateRunes())
        {
            // 39 bytes of UTF-8 make 52 base64 characters: a 64-character word, which keeps even
            // the first line ("Subject: " + word) within the 78 characters RFC 5322 asks for.
            if (Encoding.UTF8.GetByteCount(chunk.ToString() + rune) > 39)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }

        return string.Join("\r\n ", words);
    }

    private static string Word(string text) => "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
}
