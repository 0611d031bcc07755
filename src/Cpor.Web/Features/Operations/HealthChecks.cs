using Cpor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cpor.Web.Features.Operations;

/// <summary>
/// The health checks: <c>GET /healthz</c> runs those tagged <see cref="Live"/> (none: the process
/// answering is the proof), <c>GET /readyz</c> those tagged <see cref="Ready"/>.
/// </summary>
public static class HealthChecks
{
    public const string Live = "live";
    public const string Ready = "ready";
    public const string Database = "database";
    public const string Migrations = "migrations";
    public const string SchedulerLag = "scheduler-lag";
    public const string OutboxLag = "outbox-lag";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddCporHealthChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddSingleton<Backlogs>();
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>(Database, HealthStatus.Unhealthy, [Ready], Timeout)
            .AddCheck<MigrationsCheck>(Migrations, HealthStatus.Unhealthy, [Ready], Timeout)
            // A backlog does not take an instance out of rotation: another instance would not do better.
            .AddCheck<SchedulerLagCheck>(SchedulerLag, HealthStatus.Degraded, [Ready], Timeout)
            .AddCheck<OutboxLagCheck>(OutboxLag, HealthStatus.Degraded, [Ready], Timeout);
        return services;
    }

    /// <summary>PostgreSQL answers.</summary>
    internal sealed class DatabaseCheck(CporDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = new NpgsqlCommand("SELECT 1", (NpgsqlConnection)db.Database.GetDbConnection());
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>Every embedded migration script has been applied.</summary>
    internal sealed class MigrationsCheck(CporDb db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                return await SqlMigrator.IsUpToDateAsync((NpgsqlConnection)db.Database.GetDbConnection(), ct)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("migrations pending");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The clock keeps up: its oldest due transition is younger than the threshold.</summary>
    internal sealed class SchedulerLagCheck(Backlogs backlogs, IOptions<HealthOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Lag(await backlogs.SchedulerLagAsync(ct), options.Value.SchedulerLagSeconds, context);
    }

    /// <summary>The notification dispatcher keeps up: its oldest due event or e-mail is younger than the threshold.</summary>
    internal sealed class OutboxLagCheck(Backlogs backlogs, IOptions<HealthOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Lag(await backlogs.OutboxLagAsync(ct), options.Value.OutboxLagSeconds, context);
    }

    private static HealthCheckResult Lag(TimeSpan lag, int thresholdSeconds, HealthCheckContext context)
    {
        var data = new Dictionary<string, object> { ["lagSeconds"] = Math.Round(lag.TotalSeconds, 1), ["thresholdSeconds"] = thresholdSeconds };
        return lag.TotalSeconds > thresholdSeconds
            ? new HealthCheckResult(context.Registration.FailureStatus, $"oldest due item waits {lag.TotalSeconds:0}s (threshold {thresholdSeconds}s)", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
