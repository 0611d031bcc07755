using System.Diagnostics;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// One log line per request: method, path, status, duration and trace id. Consent-link tokens are
/// secrets in the path, so those segments are written as <c>{token}</c>; query strings are never written.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    private static readonly string[] TokenPrefixes = ["/consent/", "/api/v1/consent/"];

    public async Task InvokeAsync(HttpContext http)
    {
        var start = Stopwatch.GetTimestamp();
        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "/";
        try
        {
            await next(http);
        }
        finally
        {
            Completed(logger, method, Redact(path), http.Response.StatusCode,
                Stopwatch.GetElapsedTime(start).TotalMilliseconds, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
        }
    }

    /// <summary>The path with the segment after a consent-link prefix replaced by <c>{token}</c>.</summary>
    public static string Redact(string path)
    {
        foreach (var prefix in TokenPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length)
            {
                var end = path.IndexOf('/', prefix.Length);
                return prefix + "{token}" + (end < 0 ? "" : path[end..]);
            }
        }

        return path;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms (trace {TraceId})")]
    private static partial void Completed(ILogger logger, string method, string path, int statusCode, double elapsedMs, string traceId);
}
