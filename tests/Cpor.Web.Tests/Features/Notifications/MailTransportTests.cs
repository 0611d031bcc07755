using System.Text;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cpor.Web.Tests.Features.Notifications;

public class MailTransportTests
{
    [Fact]
    public void ToMimeMessage_WithALongAccentedSubject_FoldsItIntoEncodedWords_ThatDecodeBackExactly()
    {
        var subject = "[CPOR] Contoso è stato approvato come partner di riferimento sul vostro tenant «Città»";
        var mail = Envelope(subject, "Buongiorno,\nè tutto a posto.");

        var bytes = Wire(mail.ToMimeMessage());
        var raw = Encoding.ASCII.GetString(bytes);
        var parsed = ReceivedMail.Parse("from", "to", bytes);

        Assert.All(bytes, b => Assert.True(b < 128));
        Assert.All(raw.Split("\r\n").TakeWhile(l => l.Length > 0), l => Assert.True(l.Length <= 78, l));
        Assert.Equal(subject, parsed.Subject);
        Assert.Contains("\r\nBuongiorno,\r\n=C3=A8 tutto a posto.", raw, StringComparison.Ordinal); // CRLF, quoted-printable UTF-8
        Assert.Equal("Buongiorno,\nè tutto a posto.", parsed.Body);
        Assert.Equal("<cpor.1.abc@cpor.test>", parsed.MessageId);
    }

    [Fact]
    public void ToMimeMessage_WithALineBreakInTheSubject_CannotAddAHeader()
    {
        var mail = Envelope("Hello\r\nBcc: victim@example.com", "body");

        var bytes = Wire(mail.ToMimeMessage());
        var raw = Encoding.ASCII.GetString(bytes);
        var parsed = ReceivedMail.Parse("from", "to", bytes);

        Assert.DoesNotContain("\r\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.False(parsed.Headers.ContainsKey("Bcc"));
        Assert.Empty(parsed.Message.Bcc);
        Assert.Equal("Hello Bcc: victim@example.com", parsed.Subject);
    }

    [Fact]
    public void ToMimeMessage_IsTextAndHtmlAlternatives_FromTheSameText_WithTheEnvelopesHeaders()
    {
        var mail = Envelope("Approvato", "Buongiorno Lucia,\n\nAprite https://cpor.test/claims/c1.\n\n-- \nCPOR");

        var parsed = ReceivedMail.Parse("from", "to", Wire(mail.ToMimeMessage()));

        var message = parsed.Message;
        var alternatives = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternatives.Select(p => p.ContentType.MimeType));
        Assert.All(alternatives, p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("CPOR", "no-reply@cpor.test"), (from.Name, from.Address));
        Assert.Equal("someone@customer.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), message.Date);
        Assert.Equal(("it", "auto-generated", "ConsentRequested"), (parsed.Headers["Content-Language"], parsed.Headers["Auto-Submitted"], parsed.Headers["X-Cpor-Topic"]));
        Assert.Equal("Buongiorno Lucia,\n\nAprite https://cpor.test/claims/c1.\n\n-- \nCPOR", parsed.Body);
        Assert.Contains("<html lang=\"it\">", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Buongiorno Lucia,</p>", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Aprite <a href=\"https://cpor.test/claims/c1\">https://cpor.test/claims/c1</a>.</p>", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("<p>-- <br>\nCPOR</p>", parsed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMimeMessage_WithARecipientThatIsNoAddress_ThrowsFormatException_WhichTheSenderTreatsAsPermanent()
    {
        var mail = Envelope("Subject", "Body") with { To = "not an address" };

        Assert.ThrowsAny<FormatException>(() => mail.ToMimeMessage());
    }

    [Fact]
    public void Html_EncodesWhatPeopleTyped_QuotesTheirComment_AndLinksOnlyHttpAddresses()
    {
        var text = "Hello <b>Ada</b> & \"Bob\",\nsecond line\n\n> <script>alert('x')</script>\n> see https://evil.test/?a=1&b=\"2\"\n\nPOST /api/v1/claims/c1/dispute (https://cpor.test/claims/c1)\n";

        var html = EmailHtml.Render(text, "en");

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Hello &lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Bob&quot;,<br>\nsecond line</p>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote><p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nsee <a href=\"https://evil.test/?a=1&amp;b=\">https://evil.test/?a=1&amp;b=</a>&quot;2&quot;</p></blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<p>POST /api/v1/claims/c1/dispute (<a href=\"https://cpor.test/claims/c1\">https://cpor.test/claims/c1</a>)</p>", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<p>").Length - 1);
    }

    [Fact]
    public async Task PickupFolder_WritesOneEmlFilePerMessage_AndARetryReplacesIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cpor-tests", "pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var transport = new PickupFolderTransport(Options.Create(new NotificationOptions { PickupPath = folder }));
            var mail = Envelope("Subject", "Body\nwith https://cpor.test/claims/c1");

            await transport.SendAsync(mail.ToMimeMessage(), CancellationToken.None);
            await transport.SendAsync(mail.ToMimeMessage(), CancellationToken.None);

            var file = Assert.Single(System.IO.Directory.GetFiles(folder));
            Assert.Equal("cpor.1.abc_cpor.test.eml", Path.GetFileName(file));
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain("\n", Encoding.ASCII.GetString(bytes).Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            var parsed = ReceivedMail.Parse("f", "t", bytes);
            Assert.Equal("Subject", parsed.Subject);
            Assert.Equal("someone@customer.test", Assert.Single(parsed.Message.To.Mailboxes).Address);
            Assert.Equal("Body\nwith https://cpor.test/claims/c1", parsed.Body);
            Assert.Contains("<p>Body<br>\nwith <a href=\"https://cpor.test/claims/c1\">https://cpor.test/claims/c1</a></p>", parsed.Html, StringComparison.Ordinal);
        }
        finally
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(30, 3600)]
    public void Backoff_DoublesAfterEachFailure_UpToTheCap(int attempts, int seconds)
    {
        var settings = new NotificationOptions { RetryBaseSeconds = 30, RetryMaxSeconds = 3600 };

        Assert.Equal(TimeSpan.FromSeconds(seconds), NotificationSender.Backoff(attempts, settings));
    }

    internal static MailEnvelope Envelope(string subject, string body) =>
        new("<cpor.1.abc@cpor.test>", "no-reply@cpor.test", "CPOR", "someone@customer.test", subject, body, "it",
            new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), [new("X-Cpor-Topic", "ConsentRequested")]);

    /// <summary>The bytes a relay or a pickup file gets: CRLF line ends.</summary>
    private static byte[] Wire(MimeMessage message)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        return stream.ToArray();
    }
}
