using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Cpor.Web.Features.Notifications;

/// <summary>One e-mail ready to go, as the outbox row has it.</summary>
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
    /// <summary>
    /// The message MimeKit writes: multipart/alternative of the composed text and its HTML
    /// rendering (<see cref="EmailHtml"/>), prepared 7-bit clean so that a relay without 8BITMIME
    /// and a person reading the .eml file get the same bytes. Line breaks in the subject, the
    /// sender's name or a header value become spaces: nothing a person typed can add a header line.
    /// </summary>
    /// <exception cref="FormatException">An address is not one (MimeKit's <see cref="ParseException"/>).</exception>
    public MimeMessage ToMimeMessage()
    {
        var message = new MimeMessage { Date = Date, Subject = OneLine(Subject) };
        message.From.Add(new MailboxAddress(OneLine(FromName), FromAddress));
        message.To.Add(MailboxAddress.Parse(To));
        message.MessageId = MessageId.Trim().TrimStart('<').TrimEnd('>');
        // Out-of-office replies and the like must not answer an automatic message (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        foreach (var (name, value) in ExtraHeaders)
        {
            message.Headers.Add(name, OneLine(value));
        }

        // Line ends as composed ("\n"); MimeKit writes CRLF on the wire and in .eml files.
        var text = Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        var plain = new TextPart(TextFormat.Plain);
        plain.SetText(Encoding.UTF8, text);
        var html = new TextPart(TextFormat.Html);
        html.SetText(Encoding.UTF8, EmailHtml.Render(text, Language));
        var alternatives = new MultipartAlternative { plain, html };
        alternatives.Headers.Add(HeaderId.ContentLanguage, Language);
        message.Body = alternatives;
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private static string OneLine(string value) => value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
