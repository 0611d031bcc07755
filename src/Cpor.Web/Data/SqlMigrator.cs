using System.Reflection;
using Npgsql;

namespace Cpor.Web.Data;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each with its bookkeeping
/// row in one transaction, under a PostgreSQL advisory lock so that servers starting together
/// apply each script exactly once. Creates the database when it is missing.
/// </summary>
public static class SqlMigrator
{
    // Any constant works; it only has to be the same for every instance of this product.
    private const long LockKey = 0x43504f52_4d494752; // "CPORMIGR"

    public static IReadOnlyList<(string Version, string Sql)> Scripts { get; } = LoadScripts();

    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await EnsureDatabaseAsync(connectionString, ct);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new HashSet<string>();
            await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var done = new List<string>();
            foreach (var (version, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await Execute(connection, tx, sql, ct);
                await using (var mark = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection, tx))
                {
                    mark.Parameters.AddWithValue("v", version);
                    await mark.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                done.Add(version);
            }

            return done;
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>True when every embedded script has been applied (readiness).</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations WHERE version = ANY(@v)", connection);
        command.Parameters.AddWithValue("v", Scripts.Select(s => s.Version).ToArray());
        var count = (long)(await command.ExecuteScalarAsync(ct))!;
        return count == Scripts.Count;
    }

    private static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database ?? throw new InvalidOperationException("The connection string names no database.");
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return; // No maintenance database: the target must already exist.
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @d", connection);
        exists.Parameters.AddWithValue("d", database);
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        try
        {
            await Execute(connection, null, $"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another instance created it first.
        }
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct)
    {
#pragma warning disable CA2100 // Migration scripts are embedded resources of this assembly, not input.
        await using var command = new NpgsqlCommand(sql, connection, tx);
#pragma warning restore CA2100
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<(string, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (Path.GetFileNameWithoutExtension(n["migrations/".Length..]), reader.ReadToEnd());
            })
            .ToList();
    }
}
