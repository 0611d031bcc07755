using System.Security.Cryptography;
using System.Text;
using Cpor.Web.Data;
using Npgsql;

namespace Cpor.Web.Tests.Infrastructure;

/// <summary>
/// Throwaway databases on the test cluster (CPOR_TEST_PG, started by <c>make test</c>): the
/// migrations run once into a template named after their content, and each test class gets a
/// copy of it (CREATE DATABASE … TEMPLATE, a fraction of a second) that it drops at the end.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _template;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("CPOR_TEST_PG")
        ?? "Host=127.0.0.1;Port=55433;Username=postgres;Password=postgres";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, MaxPoolSize = 40 }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        var template = await TemplateAsync();
        var name = "cpor_t_" + Guid.NewGuid().ToString("N")[..20];
        await Gate.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            Gate.Release();
        }

        return name;
    }

    public static async Task DropAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>An empty database, not migrated: for the migration tests themselves.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = "cpor_e_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    private static async Task<string> TemplateAsync()
    {
        if (_template is not null)
        {
            return _template;
        }

        await Gate.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(SqlMigrator.Scripts.Select(s => s.Version + s.Sql)))))[..16];
            var name = "cpor_tpl_" + hash;
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
            await connection.OpenAsync();
            // Other test processes may build the same template at the same time.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7211)", connection))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            try
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
                exists.Parameters.AddWithValue("n", name);
                if (await exists.ExecuteScalarAsync() is null)
                {
                    var building = name + "_building";
                    await ExecuteAsync($"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
                    await SqlMigrator.MigrateAsync(ConnectionStringFor(building) + ";Pooling=false");
                    await ExecuteAsync($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
                }
            }
            finally
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7211)", connection);
                await unlock.ExecuteNonQueryAsync();
            }

            _template = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
#pragma warning disable CA2100 // Statements built from generated database names, not input.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
