using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>An e-mail as the sink received it, decoded: headers, subject, UTF-8 body.</summary>
public sealed partial record ReceivedMail(string From, string To, IReadOnlyDictionary<string, string> Headers, string Subject, string Body)
{
    public string MessageId => Headers["Message-ID"];

    public static ReceivedMail Parse(string from, string to, string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in raw[..split].Split("\r\n"))
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                headers[last!] += line; // folded continuation
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            last = line[..colon];
            headers[last] = line[(colon + 1)..].Trim();
        }

        var body = Encoding.UTF8.GetString(Convert.FromBase64String(raw[(split + 4)..].Replace("\r\n", "", StringComparison.Ordinal)));
        return new ReceivedMail(from, to, headers, DecodeWords(headers["Subject"]), body);
    }

    /// <summary>RFC 2047 base64 words, the whitespace between them dropped.</summary>
    public static string DecodeWords(string value)
    {
        var words = EncodedWord().Matches(value);
        return words.Count == 0
            ? value
            : string.Concat(words.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value))));
    }

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
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
                        from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(' ', '<', '>');
                        await Reply("250 OK");
                        break;
                    case "RCPT":
                        to = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(' ', '<', '>');
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
                            _received.Enqueue(ReceivedMail.Parse(from, to, data.ToString()));
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
