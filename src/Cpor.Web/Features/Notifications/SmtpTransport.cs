using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// Hands each e-mail to the configured relay with MailKit's <see cref="SmtpClient"/>, one
/// connection per message: STARTTLS when asked for, authentication when a user name is set.
/// Failures become <see cref="MailDeliveryException"/>: a 5xx reply (and a relay that cannot do
/// what the settings ask) is permanent, a 4xx reply, a network error or a timeout transient.
/// </summary>
public sealed class SmtpTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage mail, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        var seconds = Math.Max(1, smtp.TimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        var token = timeout.Token;
        using var client = new SmtpClient { LocalDomain = smtp.HeloName, Timeout = seconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "", smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", token);
            }

            await client.SendAsync(mail, token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && Classify(e, $"{smtp.Host}:{smtp.Port}", seconds) is { } failure)
        {
            throw failure;
        }

        try
        {
            await client.DisconnectAsync(quit: true, token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
        {
            // The message is accepted; a relay that hangs up first is not a failure.
        }
    }

    /// <summary>What a failure of MailKit means for the retry; null for failures that are not the relay's (they stay as thrown).</summary>
    public static MailDeliveryException? Classify(Exception e, string server, int timeoutSeconds) => e switch
    {
        SmtpCommandException refused => new($"SMTP {server}: {(int)refused.StatusCode} {refused.Message}", permanent: (int)refused.StatusCode is >= 500 and < 600, e),
        // The relay refused the credentials (a 535 reply) or offers no mechanism we can use.
        MailKit.Security.AuthenticationException => new($"SMTP {server}: authentication failed: {e.Message}", permanent: true, e),
        // STARTTLS or AUTH asked for, but the relay does not offer it.
        NotSupportedException => new($"SMTP {server}: {e.Message}", permanent: true, e),
        OperationCanceledException or TimeoutException => new($"SMTP server {server} did not answer within {timeoutSeconds} s.", permanent: false, e),
        SslHandshakeException or SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException
            or System.Security.Authentication.AuthenticationException => new($"SMTP server {server}: {e.Message}", permanent: false, e),
        _ => null,
    };
}
