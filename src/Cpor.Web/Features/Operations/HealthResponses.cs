using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// Turns health reports into the short texts load balancers and scripts already read:
/// <c>ok</c> for liveness; <c>ready</c> (200, also when a backlog is only degraded),
/// <c>database unreachable</c> or <c>migrations pending</c> (503) for readiness.
/// </summary>
public static class HealthResponses
{
    /// <summary>Header naming the checks that reported degraded while <c>/readyz</c> still answers ready.</summary>
    public const string DegradedHeader = "Cpor-Degraded";

    public static IResult Liveness(HttpContext http, HealthReport report) =>
        report.Status == HealthStatus.Unhealthy ? Text(http, StatusCodes.Status503ServiceUnavailable, "not ok") : Text(http, StatusCodes.Status200OK, "ok");

    public static IResult Readiness(HttpContext http, HealthReport report)
    {
        var (status, text) = ReadinessText(report);
        var degraded = report.Entries.Where(e => e.Value.Status == HealthStatus.Degraded).Select(e => e.Key).ToList();
        if (degraded.Count > 0)
        {
            http.Response.Headers[DegradedHeader] = string.Join(",", degraded);
        }

        return Text(http, status, text);
    }

    public static (int Status, string Text) ReadinessText(HealthReport report)
    {
        if (Failed(report, HealthChecks.Database))
        {
            return (StatusCodes.Status503ServiceUnavailable, "database unreachable");
        }

        if (Failed(report, HealthChecks.Migrations))
        {
            return (StatusCodes.Status503ServiceUnavailable, "migrations pending");
        }

        return report.Status == HealthStatus.Unhealthy
            ? (StatusCodes.Status503ServiceUnavailable, "not ready")
            : (StatusCodes.Status200OK, "ready");
    }

    private static IResult Text(HttpContext http, int status, string text)
    {
        // A probe must see the present, never a proxy's copy.
        http.Response.Headers.CacheControl = "no-store, no-cache";
        return Results.Text(text, "text/plain; charset=utf-8", statusCode: status);
    }

    private static bool Failed(HealthReport report, string name) =>
        report.Entries.TryGetValue(name, out var entry) && entry.Status == HealthStatus.Unhealthy;
}
