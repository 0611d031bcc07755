using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cpor.Web.Tests.Features.Claims;

/// <summary>
/// The product behind Kestrel, whose request body limit (one PoE file and a megabyte) stops a
/// body before any handler reads it: the refusal still names its limit, the caller's path and
/// language, and the log line names the path.
/// </summary>
public class BadInputServerLimitTests(BadInputServerLimitTests.KestrelApp app) : IClassFixture<BadInputServerLimitTests.KestrelApp>
{
    private const int TwentyFiveMegabytes = 25 * 1024 * 1024;

    [Theory]
    [InlineData("en", "20 MB")]
    [InlineData("fr", "20 Mo")]
    [InlineData("it", "20 MB")]
    public async Task Upload25MB_OverTheServerLimit_IsAttachmentTooLarge_NamingTheLimit(string language, string limit)
    {
        var partner = await app.PartnerAsync(language);
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Server limit " + language));
        using var form = new MultipartFormDataContent();
        var big = new byte[TwentyFiveMegabytes];
        Files.Pdf("x").CopyTo(big, 0);
        form.Add(new ByteArrayContent(big), "file", "huge.pdf");
        var path = $"/api/v1/claims/{draft.Id}/attachments";

        var body = await Problem.AssertAsync(await SendAsync(partner, path, form), HttpStatusCode.RequestEntityTooLarge, "attachment_too_large", "file");

        Assert.Contains(limit, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(path, body.GetProperty("instance").GetString());
        Assert.Contains(app.Logs, line => line.Contains(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("it")]
    public async Task Json25MB_OverTheServerLimit_IsRequestTooLarge_InTheCallersLanguage(string language)
    {
        var english = await TooLargeAsync("en");
        var translated = await TooLargeAsync(language);

        Assert.Equal("/api/v1/claims", translated.GetProperty("instance").GetString());
        Assert.NotEqual(english.GetProperty("title").GetString(), translated.GetProperty("title").GetString());
        Assert.NotEqual(english.GetProperty("detail").GetString(), translated.GetProperty("detail").GetString());
    }

    private async Task<System.Text.Json.JsonElement> TooLargeAsync(string language)
    {
        var partner = await app.PartnerAsync(language);
        var json = "{\"name\": \"" + new string('n', TwentyFiveMegabytes) + "\"}";
        return await Problem.AssertAsync(await SendAsync(partner, "/api/v1/claims", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    /// <summary>
    /// A POST that waits for "100 Continue" before its body: Kestrel refuses the announced length
    /// first, and the client reads that answer instead of finding the connection closed mid-upload.
    /// </summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return await client.SendAsync(request);
    }

    /// <summary>The standard world served by Kestrel, with the log lines kept.</summary>
    public sealed class KestrelApp : ApiFixture
    {
        private readonly ConcurrentQueue<string> _logs = new();

        public KestrelApp() => UseKestrel(0);

        public IReadOnlyCollection<string> Logs => _logs;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new KeptLogs(_logs)));
        }

        private sealed class KeptLogs(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
        {
            public ILogger CreateLogger(string categoryName) => this;

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception));

            public void Dispose()
            {
            }
        }
    }
}
