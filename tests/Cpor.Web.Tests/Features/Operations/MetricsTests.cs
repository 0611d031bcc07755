using System.Net;
using System.Net.Http.Headers;
using Cpor.Web.Features.Operations;
using Cpor.Web.Tests.Infrastructure;

namespace Cpor.Web.Tests.Features.Operations;

/// <summary>The standard world with a scrape token and no caching of the database-backed gauges.</summary>
public sealed class MetricsFixture : ApiFixture
{
    public const string ScrapeToken = "scrape-secret-2026";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cpor:Metrics:Token"] = ScrapeToken,
        ["Cpor:Metrics:RefreshSeconds"] = "0",
    };
}

public class MetricsTests(MetricsFixture app) : IClassFixture<MetricsFixture>
{
    [Fact]
    public async Task Metrics_WhenAnonymous_AreRefused()
    {
        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("cpor_", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_WithAWrongScrapeToken_AreRefused()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_ForAPartner_AreForbidden()
    {
        var response = await (await app.PartnerAsync()).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_ForAProgramAdmin_ShowTheLagsAndRequestsInPrometheusFormat()
    {
        var response = await (await app.AdminAsync()).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE cpor_scheduler_lag_seconds gauge", text);
        Assert.Contains("# TYPE cpor_outbox_lag_seconds gauge", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
    }

    [Fact]
    public async Task Metrics_WithTheScrapeToken_CountClaimsByStatus()
    {
        await using var draft = await app.TemporaryDraftAsync(await app.PartnerAsync());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsFixture.ScrapeToken);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var draftLine = (await response.Content.ReadAsStringAsync()).Split('\n')
            .Single(l => l.StartsWith("cpor_claims{", StringComparison.Ordinal) && l.Contains("status=\"Draft\"", StringComparison.Ordinal));
        Assert.True(long.Parse(draftLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 1, draftLine);
    }

    [Theory]
    [InlineData("/api/v1/consent/secret-token", "/api/v1/consent/{token}")]
    [InlineData("/api/v1/consent/secret-token/opt-out", "/api/v1/consent/{token}/opt-out")]
    [InlineData("/consent/secret-token", "/consent/{token}")]
    [InlineData("/api/v1/claims/C-1", "/api/v1/claims/C-1")]
    public void RequestLog_Redact_HidesConsentTokens(string path, string logged) =>
        Assert.Equal(logged, RequestLog.Redact(path));
}
