using System.Net;
using System.Net.Sockets;
using Cpor.Web.Features.Notifications;
using Cpor.Web.Tests.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Tests.Features.Notifications;

public class SmtpTransportTests
{
    [Fact]
    public async Task SendAsync_ToARelay_DeliversBothAlternatives_ToTheEnvelopesRecipient()
    {
        using var sink = new SmtpSink();
        var mail = MailTransportTests.Envelope("Città approvata", "Buongiorno,\nhttps://cpor.test/claims/c1");

        await Transport(sink.Port).SendAsync(mail.ToMimeMessage(), CancellationToken.None);

        var received = Assert.Single(sink.Received);
        Assert.Equal(("no-reply@cpor.test", "someone@customer.test"), (received.From, received.To));
        Assert.Equal(("Città approvata", "<cpor.1.abc@cpor.test>"), (received.Subject, received.MessageId));
        Assert.Equal("Buongiorno,\nhttps://cpor.test/claims/c1", received.Body);
        Assert.Contains("<a href=\"https://cpor.test/claims/c1\">", received.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("451 4.3.0 try again later", false)]
    [InlineData("452 4.2.2 mailbox full", false)]
    [InlineData("550 5.1.1 no such mailbox", true)]
    [InlineData("554 5.7.1 rejected as spam", true)]
    public async Task SendAsync_WhenTheRelayRefusesTheMessage_A5xxIsPermanent_A4xxTransient(string reply, bool permanent)
    {
        using var sink = new SmtpSink();
        sink.Refuse(1, reply);

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            Transport(sink.Port).SendAsync(MailTransportTests.Envelope("Subject", "Body").ToMimeMessage(), CancellationToken.None));

        Assert.Equal(permanent, failure.Permanent);
        Assert.Contains(reply[..3], failure.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Received);
    }

    [Fact]
    public async Task SendAsync_WhenNothingListens_IsTransient()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            Transport(port).SendAsync(MailTransportTests.Envelope("Subject", "Body").ToMimeMessage(), CancellationToken.None));

        Assert.False(failure.Permanent);
    }

    [Fact]
    public async Task SendAsync_WhenTheRelayNeverGreets_IsTransient_AfterTheTimeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var accepted = listener.AcceptTcpClientAsync();
            var transport = Transport(((IPEndPoint)listener.LocalEndpoint).Port, timeoutSeconds: 1);

            var failure = await Assert.ThrowsAsync<MailDeliveryException>(() =>
                transport.SendAsync(MailTransportTests.Envelope("Subject", "Body").ToMimeMessage(), CancellationToken.None));

            Assert.False(failure.Permanent);
            Assert.Contains("did not answer within 1 s", failure.Message, StringComparison.Ordinal);
            (await accepted).Dispose();
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task SendAsync_WithStartTlsOnARelayWithoutIt_IsPermanent()
    {
        using var sink = new SmtpSink();
        var transport = new SmtpTransport(Options.Create(new NotificationOptions
        {
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, UseStartTls = true, TimeoutSeconds = 10 },
        }));

        var failure = await Assert.ThrowsAsync<MailDeliveryException>(() =>
            transport.SendAsync(MailTransportTests.Envelope("Subject", "Body").ToMimeMessage(), CancellationToken.None));

        Assert.True(failure.Permanent);
        Assert.Empty(sink.Received);
    }

    [Theory]
    [InlineData(SmtpStatusCode.ServiceNotAvailable, false)]
    [InlineData(SmtpStatusCode.MailboxBusy, false)]
    [InlineData(SmtpStatusCode.InsufficientStorage, false)]
    [InlineData(SmtpStatusCode.MailboxUnavailable, true)]
    [InlineData(SmtpStatusCode.ExceededStorageAllocation, true)]
    [InlineData(SmtpStatusCode.TransactionFailed, true)]
    public void Classify_ACommandRefusal_IsPermanentExactlyFor5xx(SmtpStatusCode status, bool permanent)
    {
        var failure = SmtpTransport.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status, "refused"), "relay:25", 30);

        Assert.NotNull(failure);
        Assert.Equal(permanent, failure.Permanent);
    }

    [Fact]
    public void Classify_NetworkErrorsAndTimeouts_AreTransient_AndOtherFailuresStayAsThrown()
    {
        Assert.False(SmtpTransport.Classify(new IOException("reset"), "relay:25", 30)!.Permanent);
        Assert.False(SmtpTransport.Classify(new SocketException((int)SocketError.ConnectionRefused), "relay:25", 30)!.Permanent);
        Assert.False(SmtpTransport.Classify(new SmtpProtocolException("garbled"), "relay:25", 30)!.Permanent);
        Assert.False(SmtpTransport.Classify(new OperationCanceledException(), "relay:25", 30)!.Permanent);
        Assert.True(SmtpTransport.Classify(new MailKit.Security.AuthenticationException("535"), "relay:25", 30)!.Permanent);
        Assert.Null(SmtpTransport.Classify(new InvalidOperationException("a bug"), "relay:25", 30));
    }

    private static SmtpTransport Transport(int port, int timeoutSeconds = 10) => new(Options.Create(new NotificationOptions
    {
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = timeoutSeconds },
    }));
}
