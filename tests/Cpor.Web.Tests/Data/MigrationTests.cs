using Cpor.Web.Data;
using Cpor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cpor.Web.Tests.Data;

public class MigrationTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Migrate_FourInstancesAtOnce_ApplyEachScriptOnce()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            var connection = TestDatabase.ConnectionStringFor(name);

            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SqlMigrator.MigrateAsync(connection))));

            var applied = runs.SelectMany(r => r).ToList();
            Assert.Equal(SqlMigrator.Scripts.Select(s => s.Version), applied.Order());
            Assert.Equal(SqlMigrator.Scripts.Count, await ScalarAsync<long>(connection, "SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task Schema_FromTheMigrations_MatchesTheEfModel()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            var options = new DbContextOptionsBuilder<CporDb>().UseNpgsql(TestDatabase.ConnectionStringFor(name)).Options;
            await using (var db = new CporDb(options, []))
            {
                await db.Database.EnsureCreatedAsync();
            }

            var fromModel = await DescribeAsync(TestDatabase.ConnectionStringFor(name));
            var fromMigrations = await DescribeAsync(app.ConnectionString);

            Assert.Equal(fromModel.Except(fromMigrations), []);
            Assert.Equal(fromMigrations.Except(fromModel), []);
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task History_CannotBeChangedOrDeleted()
    {
        var partner = await app.PartnerAsync();
        await using var draft = await app.TemporaryDraftAsync(partner, World.M365Claim("Append only", "onedrive"));

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync($"UPDATE claim_events SET actor_name = 'someone else' WHERE claim_id = '{draft.Id}'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync($"DELETE FROM claim_events WHERE claim_id = '{draft.Id}'"));

        Assert.Contains("append-only", update.MessageText);
        Assert.Contains("append-only", delete.MessageText);
    }

    [Fact]
    public async Task TwoHoldersOfOneUnit_AreRefusedByTheDatabase()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateDraftAsync(partner, World.M365Claim("Constraint", "exchange-online"));
        const string insert = """
            INSERT INTO associations (id, claim_id, partner_org_id, mpn_id, tenant_id, solution_area, activity, product_id, unit_key, unit_kind, state, approved_at, legacy)
            VALUES ('{0}', '{1}', 'org', '1', '10000000-0000-4000-8000-000000000001', 'Microsoft365', 'Usage', 'teams', 'unit-x', 'Workload', '{2}', now(), false)
            """;
        await ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, "asc_a", claim.Id, "Active"));
        await ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, "asc_b", claim.Id, "Ended"));

        var second = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, insert, "asc_c", claim.Id, "Approved")));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, second.SqlState);
        Assert.Equal("ux_associations_unit_holder", second.ConstraintName);
    }

    [Fact]
    public async Task EveryForeignKey_HasTheTypeAndCollationOfTheKeyItReferences()
    {
        // A join between columns of different collations cannot use the other side's index.
        const string sql = """
            SELECT c.conrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || coalesce(ca.collname, '')
                   || ' -> ' || c.confrelid::regclass || '.' || f.attname || ' ' || format_type(f.atttypid, f.atttypmod) || ' ' || coalesce(cf.collname, '')
            FROM pg_constraint c
            CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(col, fcol)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
            JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = k.fcol
            LEFT JOIN pg_collation ca ON ca.oid = a.attcollation
            LEFT JOIN pg_collation cf ON cf.oid = f.attcollation
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND (a.atttypid <> f.atttypid OR a.atttypmod <> f.atttypmod OR a.attcollation <> f.attcollation)
            """;
        var mismatches = new List<string>();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            mismatches.Add(reader.GetString(0));
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task TwoActiveAssociationsOnOneUnit_AreRefusedByTheDatabase_EvenWhileOneIsBeingHandedOver()
    {
        var partner = await app.PartnerAsync();
        var claim = await app.CreateDraftAsync(partner, World.M365Claim("Active constraint", "sharepoint-online"));
        const string insert = """
            INSERT INTO associations (id, claim_id, partner_org_id, mpn_id, tenant_id, solution_area, activity, product_id, unit_key, unit_kind, state, approved_at, legacy, superseded_by_claim_id)
            VALUES ('{0}', '{1}', 'org', '1', '10000000-0000-4000-8000-000000000001', 'Microsoft365', 'Usage', 'teams', 'unit-y', 'Workload', '{2}', now(), false, {3})
            """;
        string Row(string id, string state, string? supersededBy) => string.Format(
            System.Globalization.CultureInfo.InvariantCulture, insert, id, claim.Id, state, supersededBy is null ? "NULL" : $"'{supersededBy}'");
        await ExecuteAsync(Row("asc_y1", "Active", "clm_challenger"));
        // The challenger the unit is promised to holds it too, Approved, until its window ends.
        await ExecuteAsync(Row("asc_y2", "Approved", null));

        var second = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE associations SET state = 'Active' WHERE id = 'asc_y2'"));
        var third = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(Row("asc_y3", "Approved", "clm_other")));

        Assert.Equal((PostgresErrorCodes.UniqueViolation, "ux_associations_unit_active"), (second.SqlState, second.ConstraintName));
        Assert.Equal((PostgresErrorCodes.UniqueViolation, "ux_associations_unit_handover"), (third.SqlState, third.ConstraintName));
    }

    /// <summary>Tables, columns with types and nullability, indexes and constraints — what a migration must reproduce.</summary>
    private static async Task<HashSet<string>> DescribeAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '')
                   || ' ' || is_nullable || ' ' || coalesce(collation_name, '') || ' ' || coalesce(is_identity, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations'
            """;
        var rows = new HashSet<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CporDb>();
#pragma warning disable EF1002 // Test-only statements with values chosen by the test.
        await db.Database.ExecuteSqlRawAsync(sql);
#pragma warning restore EF1002
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // Constant test statements.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
