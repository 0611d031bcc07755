using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>An e-mail as the sink received it, parsed by MimeKit: headers, subject, both alternatives.</summary>
public sealed record ReceivedMail(string From, string To, IReadOnlyDictionary<string, string> Headers, string Subject, string Body, string Html, MimeMessage Message)
{
    public string MessageId => Headers["Message-ID"];

    /// <summary>
    /// The message's headers and its top-level entity's (Content-Language lives there), values
    /// decoded; the text/plain alternative as <see cref="Body"/>, the text/html one as <see cref="Html"/>.
    /// </summary>
    public static ReceivedMail Parse(string from, string to, byte[] raw)
    {
        var message = MimeMessage.Load(new MemoryStream(raw));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers.Concat(message.Body?.Headers ?? []))
        {
            headers.TryAdd(header.Field, header.Value);
        }

        return new ReceivedMail(from, to, headers, message.Subject ?? "", message.TextBody ?? "", message.HtmlBody ?? "", message);
    }
}

/// <summary>
/// A tiny SMTP server on loopback for the notification tests: accepts every message (or refuses
/// the next ones with the reply it is told to give) and keeps what it received.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private int _disposed;

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>The next <paramref name="count"/> messages get <paramref name="reply"/> (e.g. "451 try later") after DATA.</summary>
    public void Refuse(int count, string reply)
    {
        for (var i = 0; i < count; i++)
        {
            _refusals.Enqueue(reply);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    /// <summary>The address of "MAIL FROM:&lt;a@b&gt; BODY=8BITMIME", without the parameters.</summary>
    private static string AddressOf(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', open + 1);
        return open < 0 || close < 0 ? line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : line[(open + 1)..close];
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
        string from = "", to = "";
        try
        {
            await Reply("220 sink.test ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply("250-sink.test");
                        await Reply("250 8BITMIME");
                        break;
                    case "MAIL":
                        from = AddressOf(line);
                        await Reply("250 OK");
                        break;
                    case "RCPT":
                        to = AddressOf(line);
                        await Reply("250 OK");
                        break;
                    case "DATA":
                        await Reply("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        if (_refusals.TryDequeue(out var refusal))
                        {
                            await Reply(refusal);
                        }
                        else
                        {
                            _received.Enqueue(ReceivedMail.Parse(from, to, Encoding.Latin1.GetBytes(data.ToString())));
                            await Reply("250 queued");
                        }

                        break;
                    case "QUIT":
                        await Reply("221 bye");
                        return;
                    case "RSET" or "NOOP" or "HELO":
                        await Reply("250 OK");
                        break;
                    default:
                        await Reply("502 not implemented");
                        break;
                }
            }
        }
        catch (IOException)
        {
            // The client hung up.
        }
    }
}
