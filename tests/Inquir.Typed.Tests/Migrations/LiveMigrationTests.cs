using Dapper;
using Inquir.Typed.Postgres;
using Xunit.Abstractions;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>
/// A rolling deploy: the first process of a new release migrates a database that the previous release's workers keep
/// claiming and completing runs in. Their claims and completions must never queue behind the migration.
/// </summary>
public sealed class LiveMigrationTests(ITestOutputHelper output)
{
    private const int ReleaseWithoutChildren = 7;

    [Fact]
    public async Task Migrating_200000_runs_and_600000_attempts_while_a_worker_runs_holds_no_claim_or_completion_up_for_a_second()
    {
        await using var database = await MigrationDatabase.AtVersionAsync(ReleaseWithoutChildren);
        await database.InsertHistoryAsync(runs: 200_000);
        await using var worker = PreviousReleaseWorker.Start(database);
        await worker.WaitForCompletionsAsync(20);

        var started = DateTime.UtcNow;
        await database.MigrateAsync();
        var migrated = DateTime.UtcNow - started;
        var (kind, longest) = await worker.StopAsync();

        var waitedTooLong = worker.LockTimeouts;
        output.WriteLine($"Migrated in {migrated.TotalSeconds:0.0} s; the longest of {worker.Transactions} transactions of the worker was a {kind}: {longest.TotalMilliseconds:0} ms; {waitedTooLong.Count} waited more than a second for a lock");
        Assert.True(
            waitedTooLong.Count == 0,
            $"{waitedTooLong.Count} of {worker.Transactions} starts, claims and completions of the previous release's worker waited more than a second for a lock while the migrations ran ({migrated.TotalSeconds:0.0} s; the longest transaction, a {kind}, took {longest.TotalMilliseconds:0} ms):\n{string.Join("\n", waitedTooLong.Distinct())}");
        Assert.Empty(await database.InvalidConstraintsAndIndexesAsync());
    }

    // A transaction of the previous release that stays open (a slow caller's transaction that started a run) holds
    // the table: a migration statement that needs ACCESS EXCLUSIVE waits for it, and every writer that comes later
    // queues behind that statement. A lock timeout lets the migration give way and try again.
    [Fact]
    public async Task A_migration_waiting_for_a_table_lock_gives_way_to_the_writers_queued_behind_it()
    {
        await using var database = await MigrationDatabase.AtVersionAsync(ReleaseWithoutChildren);
        await using var openTransaction = await database.HoldRowExclusiveLockAsync();
        var migration = database.MigrateAsync();
        await database.WaitForLockWaitAsync(migration, "ALTER TABLE");

        await using var writer = await database.OpenAsync();
        await writer.ExecuteAsync("SET lock_timeout = '1s'");
        var inserted = await writer.ExecuteAsync(database.Fill(
            "INSERT INTO {schema}.runs (id, workflow, status, input, created_at, updated_at, next_attempt_at) VALUES (gen_random_uuid(), 'w', 'pending', '{}', now(), now(), now())"));

        Assert.Equal(1, inserted);
        await openTransaction.CommitAsync();
        await migration;
        Assert.Equal(PendingAfter(ReleaseWithoutChildren), await database.CountAsync("schema_migrations", $"version > {ReleaseWithoutChildren}"));
    }

    private static int PendingAfter(int version) => new SqlScripts("inquir").Migrations().Count(m => m.Version > version);
}
