namespace Cpor.Web.Features.Operations;

/// <summary>Settings of section <c>Cpor:Metrics</c>: the Prometheus endpoint <c>/metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Cpor:Metrics";

    /// <summary>
    /// A secret a scraper sends as <c>Authorization: Bearer &lt;token&gt;</c>. Program admins may read
    /// <c>/metrics</c> with their own token either way; when empty, only they may.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>Seconds the database-backed gauges (claims by status, lags) are cached between two reads.</summary>
    public int RefreshSeconds { get; set; } = 15;
}
