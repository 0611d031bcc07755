using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Security.Claims;
using Cpor.Web.Data;
using Cpor.Web.Features.Associations;
using Cpor.Web.Features.Claims;
using Cpor.Web.Features.Directory;
using Cpor.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cpor.Bench;

/// <summary>
/// The directory import at scale (docs/benchmarks.md): streams generated usage rows through the
/// product's reader and importer into a throwaway database on the test cluster, then prints rows
/// per second, peak memory and GC figures. A benchmark to run by hand (<c>make bench</c>), never a
/// timed test.
/// </summary>
internal static class Bench
{
    private const string DefaultServer = "Host=127.0.0.1;Port=55433;Username=postgres;Password=postgres";

    public static async Task<int> Main(string[] args)
    {
        var rows = 1_000_000L;
        var server = Environment.GetEnvironmentVariable("CPOR_BENCH_PG") ?? Environment.GetEnvironmentVariable("CPOR_TEST_PG") ?? DefaultServer;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0:
                    rows = n;
                    i++;
                    break;
                case "--pg" when i + 1 < args.Length:
                    server = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    Console.Error.WriteLine("usage: Cpor.Bench [--rows 1000000] [--pg \"Host=...;Username=...;Password=...\"] [--keep]");
                    return 2;
            }
        }

        var database = "cpor_bench_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var input = new GeneratedDirectory(rows);
        Console.WriteLine("cpor directory import benchmark");
        Console.WriteLine($"  input    {input.UsageRows:N0} usage rows + {input.Tenants:N0} tenants = {input.Lines:N0} NDJSON lines, generated while read");
        Console.WriteLine($"  database {database} (throwaway) on {new NpgsqlConnectionStringBuilder(server).Host}:{new NpgsqlConnectionStringBuilder(server).Port}");
        Console.WriteLine($"  runtime  .NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}, batch {DirectoryImporter.BatchSize:N0} rows");

        try
        {
            await SqlMigrator.MigrateAsync(connectionString);
            await using var services = Services(connectionString);
            return await RunAsync(services, input);
        }
        finally
        {
            if (!keep)
            {
                await DropAsync(server, database);
            }
        }
    }

    private static async Task<int> RunAsync(ServiceProvider services, GeneratedDirectory input)
    {
        using var scope = services.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<DirectoryImporter>();
        // The first batch builds EF's model and opens the pool: warm them outside the measurement.
        await scope.ServiceProvider.GetRequiredService<CporDb>().Products.CountAsync();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pausedBefore = GC.GetTotalPauseDuration();
        using var sampler = new HeapSampler();

        var clock = Stopwatch.StartNew();
        await using var body = input.AsStream();
        var report = await importer.ImportAsync(ImportReaders.JsonLinesAsync(body, CancellationToken.None), dryRun: false, CancellationToken.None);
        clock.Stop();
        sampler.Stop();

        process.Refresh();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"  imported {report.Accepted:N0} accepted, {report.RejectedCount:N0} rejected in {seconds:N1} s");
        Console.WriteLine($"  rate     {report.Accepted / seconds:N0} rows/s ({input.UsageRows / seconds:N0} usage rows/s)");
        Console.WriteLine($"  memory   peak working set {Mb(process.PeakWorkingSet64)} (working set before the import {Mb(workingSetBefore)}, after {Mb(process.WorkingSet64)})");
        Console.WriteLine($"           managed heap peak {Mb(sampler.Peak)} (sampled every 50 ms), GC heap now {Mb(GC.GetGCMemoryInfo().HeapSizeBytes)}");
        Console.WriteLine($"  GC       allocated {Mb(GC.GetTotalAllocatedBytes() - allocatedBefore)} in total; collections gen0 {GC.CollectionCount(0) - collections.Item1}, "
            + $"gen1 {GC.CollectionCount(1) - collections.Item2}, gen2 {GC.CollectionCount(2) - collections.Item3}; paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms");

        var stored = await scope.ServiceProvider.GetRequiredService<CporDb>().UsageFacts.LongCountAsync();
        var ok = report.RejectedCount == 0 && stored == input.UsageRows;
        Console.WriteLine($"  verified {stored:N0} usage facts in the database: {(ok ? "ok" : "MISMATCH")}");
        return ok ? 0 : 1;
    }

    /// <summary>The product's own registrations of the importer, on a plain service provider.</summary>
    private static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddLocalization();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped(_ => new CurrentUser(new ClaimsPrincipal()));
        services.AddDbContext<CporDb>(o => o.UseNpgsql(connectionString));
        services.AddClaimsFeature(); // the import ends lost units through the claims' own door
        services.AddDirectoryFeature();
        services.AddAssociationsFeature();
        return services.BuildServiceProvider();
    }

    private static async Task DropAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // A name this program generated, quoted.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
#pragma warning restore CA2100
        await drop.ExecuteNonQueryAsync();
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MB";

    /// <summary>Samples the managed heap while the import runs: the peak a GC count cannot show.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _peak;

        public HeapSampler() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                try
                {
                    await Task.Delay(50, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        public long Peak => Interlocked.Read(ref _peak);

        public void Stop()
        {
            _stop.Cancel();
            _loop.Wait();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
