using System.Text;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Tests.Features.Notifications;

public class MailTransportTests
{
    [Fact]
    public void ToMime_WithALongAccentedSubject_FoldsItIntoEncodedWords_ThatDecodeBackExactly()
    {
        var subject = "[CPOR] Contoso è stato approvato come partner di riferimento sul vostro tenant «Città»";
        var mail = Envelope(subject, "Buongiorno,\nè tutto a posto.");

        var raw = Encoding.ASCII.GetString(mail.ToMime());
        var parsed = ReceivedMail.Parse("from", "to", raw);

        Assert.All(mail.ToMime(), b => Assert.True(b < 128));
        Assert.All(raw.Split("\r\n").TakeWhile(l => l.Length > 0), l => Assert.True(l.Length <= 78, l));
        Assert.Equal(subject, parsed.Subject);
        Assert.Equal("Buongiorno,\r\nè tutto a posto.", parsed.Body);
        Assert.Equal("<cpor.1.abc@cpor.test>", parsed.MessageId);
    }

    [Fact]
    public void ToMime_WithALineBreakInTheSubject_CannotAddAHeader()
    {
        var mail = Envelope("Hello\r\nBcc: victim@example.com", "body");

        var raw = Encoding.ASCII.GetString(mail.ToMime());
        var parsed = ReceivedMail.Parse("from", "to", raw);

        Assert.DoesNotContain("\r\nBcc:", raw, StringComparison.OrdinalIgnoreCase);
        Assert.False(parsed.Headers.ContainsKey("Bcc"));
    }

    [Fact]
    public async Task PickupFolder_WritesOneEmlFilePerMessage_AndARetryReplacesIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cpor-tests", "pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var transport = new PickupFolderTransport(Options.Create(new NotificationOptions { PickupPath = folder }));
            var mail = Envelope("Subject", "Body");

            await transport.SendAsync(mail, CancellationToken.None);
            await transport.SendAsync(mail, CancellationToken.None);

            var file = Assert.Single(System.IO.Directory.GetFiles(folder));
            Assert.Equal("cpor.1.abc_cpor.test.eml", Path.GetFileName(file));
            Assert.Equal("Subject", ReceivedMail.Parse("f", "t", await File.ReadAllTextAsync(file)).Subject);
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

    private static MailEnvelope Envelope(string subject, string body) =>
        new("<cpor.1.abc@cpor.test>", "no-reply@cpor.test", "CPOR", "someone@customer.test", subject, body, "it",
            new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero), [new("X-Cpor-Topic", "ConsentRequested")]);
}
