using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>
/// An index added to a table that already holds runs is built without blocking writers and without the runtime's
/// statement timeout. The build is held in progress by an open writing transaction (a concurrent build waits for
/// it to end; a plain one waits for its lock), so what the tests see never depends on how fast the machine is.
/// </summary>
public sealed class IndexMigrationTests
{
    [Fact]
    public async Task Building_an_index_on_200000_runs_does_not_block_writers()
    {
        await using var database = await MigrationDatabase.WithoutIndexMigrationAsync();
        await database.InsertRunsAsync(200_000);
        await using var openWriter = await database.HoldRowExclusiveLockAsync();

        var migration = database.MigrateAsync();
        var build = await database.WaitForIndexBuildAsync(migration);
        await using var writer = await database.OpenAsync();
        await writer.ExecuteAsync("SET lock_timeout = '1s'");
        var inserted = await writer.ExecuteAsync(database.Fill(
            "INSERT INTO {schema}.runs (id, workflow, status, input, created_at, updated_at, next_attempt_at) VALUES (gen_random_uuid(), 'w', 'pending', '{}', now(), now(), now())"));
        var updated = await writer.ExecuteAsync(database.Fill(
            "UPDATE {schema}.runs SET updated_at = now() WHERE id = (SELECT id FROM {schema}.runs WHERE workflow = 'bulk' LIMIT 1)"));

        Assert.Equal((1, 1), (inserted, updated));
        Assert.True(await database.IsRunningAsync(build), "the index build was still in progress while the writer wrote");
        await openWriter.CommitAsync();
        await migration;
        Assert.Equal((1, true), await database.IndexAsync("runs_restarted_from"));
    }

    [Fact]
    public async Task A_migration_is_not_cut_off_by_the_client_s_command_timeout()
    {
        await using var database = await MigrationDatabase.WithoutIndexMigrationAsync(o => o.ConnectionString += ";Command Timeout=1");
        await using var openWriter = await database.HoldRowExclusiveLockAsync();

        var migration = database.MigrateAsync();
        await database.WaitForIndexBuildAsync(migration, olderThan: "2 seconds");
        await openWriter.CommitAsync();

        await migration;
        Assert.Equal((1, true), await database.IndexAsync("runs_restarted_from"));
    }

    [Fact]
    public async Task A_migration_is_not_cancelled_by_the_runtime_s_statement_timeout()
    {
        await using var database = await MigrationDatabase.WithoutIndexMigrationAsync(o => o.StatementTimeout = TimeSpan.FromMilliseconds(200));
        await using var openWriter = await database.HoldRowExclusiveLockAsync();

        var migration = database.MigrateAsync();
        await database.WaitForIndexBuildAsync(migration, olderThan: "1 second");
        await openWriter.CommitAsync();

        await migration;
        Assert.Equal((1, true), await database.IndexAsync("runs_restarted_from"));
    }

    // A concurrent build waits for every transaction that holds an older snapshot, and a migrator waiting inside
    // pg_advisory_lock holds one: waiting for the lock that way, the second migrator and the first one's build would
    // wait for each other until PostgreSQL breaks the deadlock by failing one of them.
    [Fact]
    public async Task A_second_migrator_waiting_for_the_lock_does_not_deadlock_with_the_first_one_s_concurrent_build()
    {
        await using var database = await MigrationDatabase.WithoutIndexMigrationAsync();
        var second = "inquir-second-" + Guid.NewGuid().ToString("N")[..8];
        await using var openWriter = await database.HoldRowExclusiveLockAsync();

        var first = database.MigrateAsync();
        await database.WaitForIndexBuildAsync(first);
        var other = database.MigrateFromAnotherProcessAsync(second);
        await using (var observer = await database.OpenAsync())
        {
            await Eventually.TrueAsync(
                async () => await observer.ExecuteScalarAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = @second AND query ILIKE '%advisory_lock%')", new { second }),
                "the second migrator asked for the migration lock");
        }

        await openWriter.CommitAsync();

        await Task.WhenAll(first, other);
        Assert.Equal((1, true), await database.IndexAsync("runs_restarted_from"));
        Assert.Equal(1, await database.CountAsync("schema_migrations", "version = 3"));
    }

    [Fact]
    public async Task An_index_left_invalid_by_an_interrupted_concurrent_build_is_dropped_and_built_again()
    {
        await using var database = await MigrationDatabase.WithoutIndexMigrationAsync();
        await using (var openWriter = await database.HoldRowExclusiveLockAsync())
        {
            await using var interrupted = await database.OpenAsync();
            var build = interrupted.ExecuteAsync(database.Fill(
                "CREATE INDEX CONCURRENTLY runs_restarted_from ON {schema}.runs (restarted_from) WHERE restarted_from IS NOT NULL"));
            var pid = await database.WaitForIndexBuildAsync(build);
            await database.ExecuteAsync("SELECT pg_cancel_backend(@pid)", new { pid });
            Assert.Equal("57014", (await Assert.ThrowsAsync<PostgresException>(() => build)).SqlState);
            await openWriter.CommitAsync();
        }

        Assert.Equal((1, false), await database.IndexAsync("runs_restarted_from"));

        await database.MigrateAsync();

        Assert.Equal((1, true), await database.IndexAsync("runs_restarted_from"));
    }
}
