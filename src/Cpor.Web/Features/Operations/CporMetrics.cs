using System.Diagnostics.Metrics;
using Cpor.Domain;
using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// The product's own instruments (meter <see cref="MeterName"/>): claims by status and the lags of
/// the clock and of the outbox. They are observable gauges read from the database, so every
/// instance reports the same shared numbers; one snapshot feeds all three and is kept for
/// <see cref="MetricsOptions.RefreshSeconds"/>, so that scrapes from many collectors cost one query set.
/// </summary>
public sealed class CporMetrics
{
    public const string MeterName = "Cpor";

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);

    private readonly IServiceScopeFactory _scopes;
    private readonly Backlogs _backlogs;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<MetricsOptions> _options;
    private readonly ILogger<CporMetrics> _logger;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private long _takenAt;

    public CporMetrics(IMeterFactory meters, IServiceScopeFactory scopes, Backlogs backlogs, TimeProvider time,
        IOptionsMonitor<MetricsOptions> options, ILogger<CporMetrics> logger)
    {
        _scopes = scopes;
        _backlogs = backlogs;
        _time = time;
        _options = options;
        _logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("cpor.claims", ClaimsByStatus, "{claim}", "Claims by status.");
        meter.CreateObservableGauge("cpor.scheduler.lag", () => Current()?.SchedulerLag.TotalSeconds ?? 0, "s",
            "Age of the oldest transition the clock owes a claim.");
        meter.CreateObservableGauge("cpor.outbox.lag", () => Current()?.OutboxLag.TotalSeconds ?? 0, "s",
            "Age of the oldest outbox event or e-mail that is due and not yet handled.");
    }

    private IEnumerable<Measurement<long>> ClaimsByStatus()
    {
        var counts = Current()?.Claims;
        if (counts is null)
        {
            yield break;
        }

        // Every status, zeros included, so that a series does not vanish when its last claim moves on.
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            yield return new Measurement<long>(counts.GetValueOrDefault(status), new KeyValuePair<string, object?>("status", status.ToString()));
        }
    }

    /// <summary>The cached snapshot, read again when older than the refresh interval; null when the database never answered.</summary>
    private Snapshot? Current()
    {
        lock (_gate)
        {
            var maxAge = TimeSpan.FromSeconds(Math.Max(0, _options.CurrentValue.RefreshSeconds));
            if (_snapshot is not null && _time.GetElapsedTime(_takenAt) < maxAge)
            {
                return _snapshot;
            }

            try
            {
                // Observable instruments are read by a synchronous callback; the collector's thread may wait.
                using var timeout = new CancellationTokenSource(QueryTimeout);
                _snapshot = ReadAsync(timeout.Token).GetAwaiter().GetResult();
                _takenAt = _time.GetTimestamp();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Keep the last numbers: a scrape must not fail because the database is away.
                _logger.LogWarning(e, "Metrics: could not read claims and lags from the database");
            }

            return _snapshot;
        }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
        var claims = await db.Claims.AsNoTracking()
            .GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        return new Snapshot(claims, await _backlogs.SchedulerLagAsync(ct), await _backlogs.OutboxLagAsync(ct));
    }

    private sealed record Snapshot(Dictionary<ClaimStatus, long> Claims, TimeSpan SchedulerLag, TimeSpan OutboxLag);
}
