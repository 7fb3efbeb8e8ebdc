using System.Text.RegularExpressions;
using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Tests.Store;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>Migration 0011: the updates of a running run stay HOT, and the migration upgrades a table that holds runs.</summary>
public sealed class HotUpdateMigrationTests
{
    // What a step that moves on, or a lease renewal, changes: no index may read any of them.
    private static readonly string[] ColumnsChangedWhileRunning =
        ["lease_expires_at", "step_index", "step_name", "attempt", "attempt_started_at", "completion_id", "updated_at"];

    [Fact]
    public async Task No_index_of_the_runs_reads_a_column_that_a_step_or_a_lease_renewal_changes()
    {
        await using var db = await StoreFactory.CreateAsync();

        var read = await IndexedColumnsAsync(db);

        Assert.DoesNotContain(read, r => ColumnsChangedWhileRunning.Any(c => Regex.IsMatch(r.Columns, $@"\b{c}\b")));
    }

    [Fact]
    public async Task A_lease_renewal_is_a_HOT_update()
    {
        await using var db = await StoreFactory.CreateAsync();
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var runs = $"{SqlScripts.QuoteIdentifier(db.Schema)}.runs";
        var (id, token) = (Guid.NewGuid(), Guid.NewGuid());
        await connection.ExecuteAsync(
            $"""
            INSERT INTO {runs} (id, workflow, status, input, created_at, updated_at, attempt, lease_owner, lease_token, lease_expires_at)
            VALUES (@id, 'w', 'running', '{"{}"}', now(), now(), 1, 'worker', @token, now() + interval '30 seconds')
            """,
            new { id, token },
            transaction);

        var renewed = await connection.QueryAsync<Guid>(
            new SqlScripts(db.Schema).RenewLeases, new { run_ids = new[] { id }, lease_tokens = new[] { token }, lease_seconds = 60.0, now = (DateTimeOffset?)null }, transaction);
        var hot = await connection.ExecuteScalarAsync<long>($"SELECT pg_stat_get_xact_tuples_hot_updated('{runs}'::regclass)", transaction: transaction);

        Assert.Single(renewed);
        Assert.Equal(1, hot);
    }

    [Fact]
    public async Task The_migration_upgrades_a_table_that_holds_runs_and_leaves_every_run_in_place()
    {
        await using var db = await StoreFactory.CreateAsync();
        var schema = SqlScripts.QuoteIdentifier(db.Schema);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        {
            // The shape before 0011, with runs in it.
            await connection.ExecuteAsync(
                $"""
                DROP INDEX {schema}.runs_due, {schema}.runs_running;
                CREATE INDEX runs_due ON {schema}.runs (next_attempt_at) WHERE status = 'pending';
                CREATE INDEX runs_leased ON {schema}.runs (lease_expires_at) WHERE status = 'running';
                ALTER TABLE {schema}.runs RESET (fillfactor);
                DELETE FROM {schema}.schema_migrations WHERE version = 11;
                INSERT INTO {schema}.runs (id, workflow, status, input, created_at, updated_at, next_attempt_at)
                SELECT gen_random_uuid(), 'w', 'pending', jsonb_build_object('n', n), now(), now(), now() FROM generate_series(1, 1000) AS n;
                """);
        }

        await db.Store.MigrateAsync(default);

        var indexes = (await IndexedColumnsAsync(db)).ToDictionary(i => i.Name, i => i.Columns);
        Assert.DoesNotContain("runs_leased", indexes.Keys);
        Assert.Contains("workflow", indexes["runs_due"], StringComparison.Ordinal);
        Assert.Equal(1000, await db.History.CountAsync("runs"));
        await using var check = await db.DataSource.OpenConnectionAsync();
        Assert.Contains("fillfactor=70", await check.ExecuteScalarAsync<string>($"SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = '{schema}.runs'::regclass"));
    }

    // Each index of the runs table with everything it reads: key and included columns, and its predicate.
    private static async Task<List<(string Name, string Columns)>> IndexedColumnsAsync(StoreFactory db)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(string Name, string Columns)>(
            """
            SELECT c.relname, pg_get_indexdef(i.indexrelid) || COALESCE(' ' || pg_get_expr(i.indpred, i.indrelid), '')
            FROM pg_index AS i
            JOIN pg_class AS c ON c.oid = i.indexrelid
            WHERE i.indrelid = (quote_ident(@schema) || '.runs')::regclass
            """,
            new { schema = db.Schema });
        return rows.ToList();
    }
}
