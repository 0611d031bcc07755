using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Notifications;

/// <summary>
/// A minimal SMTP client (RFC 5321) over <see cref="TcpClient"/>: EHLO (HELO as fallback),
/// optional STARTTLS and AUTH PLAIN, one message per connection. Enough to hand mail to a relay;
/// the relay does the rest. A 4xx reply is a transient failure, a 5xx reply a permanent one.
/// </summary>
public sealed class SmtpTransport(IOptions<NotificationOptions> options) : IMailTransport
{
    public async Task SendAsync(MailEnvelope mail, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)));
        var token = timeout.Token;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, token);
            Stream stream = client.GetStream();
            var session = new Session(stream);
            await session.ExpectAsync(null, [220], token);
            if ((await session.SendAsync($"EHLO {smtp.HeloName}", token)).Code != 250)
            {
                await session.ExpectAsync($"HELO {smtp.HeloName}", [250], token);
            }

            if (smtp.UseStartTls)
            {
                await session.ExpectAsync("STARTTLS", [220], token);
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = smtp.Host }, token);
                stream = tls;
                session = new Session(tls);
                await session.ExpectAsync($"EHLO {smtp.HeloName}", [250], token);
            }

            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{smtp.UserName}\0{smtp.Password}"));
                await session.ExpectAsync($"AUTH PLAIN {credentials}", [235], token, hideCommand: true);
            }

            await session.ExpectAsync($"MAIL FROM:<{mail.FromAddress}>", [250], token);
            await session.ExpectAsync($"RCPT TO:<{mail.To}>", [250, 251], token);
            await session.ExpectAsync("DATA", [354], token);
            await session.WriteDataAsync(mail.ToMime(), token);
            await session.ExpectAsync(null, [250], token);
            try
            {
                await session.SendAsync("QUIT", token);
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                // The message is accepted; a relay that hangs up first is not a failure.
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new MailDeliveryException($"SMTP server {smtp.Host}:{smtp.Port} did not answer within {smtp.TimeoutSeconds} s.", permanent: false);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            throw new MailDeliveryException($"SMTP server {smtp.Host}:{smtp.Port}: {e.Message}", permanent: false);
        }
    }

    private sealed record Reply(int Code, string Text);

    /// <summary>One SMTP conversation: commands out, (multi-line) replies in.</summary>
    private sealed class Session(Stream stream)
    {
        public async Task<Reply> SendAsync(string command, CancellationToken ct)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), ct);
            await stream.FlushAsync(ct);
            return await ReadReplyAsync(ct);
        }

        public async Task ExpectAsync(string? command, int[] accepted, CancellationToken ct, bool hideCommand = false)
        {
            var reply = command is null ? await ReadReplyAsync(ct) : await SendAsync(command, ct);
            if (!accepted.Contains(reply.Code))
            {
                var what = command is null ? "the server" : hideCommand ? command.Split(' ')[0] + " …" : command;
                throw new MailDeliveryException($"SMTP {what}: {reply.Code} {reply.Text}", permanent: reply.Code is >= 500 and < 600);
            }
        }

        /// <summary>The message with dot-stuffing, then the lone dot that ends DATA.</summary>
        public async Task WriteDataAsync(byte[] message, CancellationToken ct)
        {
            using var buffer = new MemoryStream(message.Length + 64);
            var lineStart = true;
            foreach (var b in message)
            {
                if (lineStart && b == (byte)'.')
                {
                    buffer.WriteByte((byte)'.');
                }

                buffer.WriteByte(b);
                lineStart = b == (byte)'\n';
            }

            if (!lineStart)
            {
                buffer.Write("\r\n"u8);
            }

            buffer.Write(".\r\n"u8);
            await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
            await stream.FlushAsync(ct);
        }

        private async Task<Reply> ReadReplyAsync(CancellationToken ct)
        {
            var text = new StringBuilder();
            while (true)
            {
                var line = await ReadLineAsync(ct);
                if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code))
                {
                    throw new MailDeliveryException($"SMTP server sent a malformed reply: {line}", permanent: false);
                }

                text.Append(line.Length > 4 ? line[4..] : "").Append(' ');
                if (line.Length == 3 || line[3] != '-')
                {
                    return new Reply(code, text.ToString().Trim());
                }
            }
        }

        // Byte by byte: replies are short, and nothing may be read past them before STARTTLS.
        private async Task<string> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>(128);
            var one = new byte[1];
            while (true)
            {
                if (await stream.ReadAsync(one, ct) == 0)
                {
                    throw new IOException("The SMTP server closed the connection.");
                }

                if (one[0] == (byte)'\n')
                {
                    return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
                }

                if (line.Count > 4096)
                {
                    throw new IOException("The SMTP server sent an overlong line.");
                }

                line.Add(one[0]);
            }
        }
    }
}
