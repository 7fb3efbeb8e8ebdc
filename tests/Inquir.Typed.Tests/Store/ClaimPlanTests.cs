using System.Text.Json;
using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The claim walks each band of the due index in order and stops at its limit and at the due time, whatever the
/// statistics say. Right after a bulk start they still say that few runs are pending, and a plan made from them reads
/// and sorts every due run at each claim: the cost of a claim would grow with the backlog, just when the backlog is
/// large. Runs that are not due yet, in however many (queue, priority) bands, and the runs of paused queues are not
/// read at all.
/// </summary>
public sealed class ClaimPlanTests
{
    private const int Backlog = 5000;

    private const int SleepingPerBand = 200;

    [Fact]
    public async Task A_claim_right_after_a_bulk_start_reads_the_runs_it_claims_not_the_whole_backlog()
    {
        var schema = TestDatabase.NewSchema();

        // One connection, so that the statistics are read on the session that claimed.
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1");
        var store = StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        var runs = Enumerable.Range(0, Backlog)
            .Select(_ => new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, StoreSteps.T0, StoreSteps.T0, TimeSpan.Zero, "s0"))
            .ToList();
        await store.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);
        var before = await DueIndexEntriesReadAsync(dataSource, schema);

        var claimed = await store.ClaimAsync(new ClaimRequest("worker", StoreSteps.Known, 2, TimeSpan.FromSeconds(30), StoreSteps.T0.AddSeconds(1)), default);
        var read = await DueIndexEntriesReadAsync(dataSource, schema) - before;

        Assert.Equal(2, claimed.Count);
        Assert.InRange(read, 2, 100);
    }

    // The claim turns sorts off, and PostgreSQL prices a plan with a disabled node far above jit_above_cost: with JIT
    // left on, every claim (limited or not, for the gate is planned either way) was compiled first, which took
    // seconds of CPU on a 2-core machine, outlasted short leases and timed statements out.
    [Fact]
    public async Task A_claim_is_run_without_JIT_compilation_whatever_its_plan_costs()
    {
        var schema = TestDatabase.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        var store = (PostgresRunStore)StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        await LimitSteps.StartKeyedAsync(store, "tenant-1");
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT pg_jit_available()"), "this PostgreSQL has no JIT, so the test would prove nothing");

        var request = new ClaimRequest("worker", StoreSteps.Known, 10, TimeSpan.FromSeconds(30), StoreSteps.T0.AddSeconds(1)) { Limits = LimitSteps.Concurrency(2, keyed: true) };
        await using var batch = store.ClaimBatch(connection, request);
        var claim = batch.BatchCommands[1];
        claim.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + claim.CommandText;
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        Assert.True(await reader.ReadAsync());
        using var plan = JsonDocument.Parse(reader.GetString(0));

        var top = plan.RootElement[0];
        Assert.True(top.GetProperty("Plan").GetProperty("Total Cost").GetDouble() > 100_000, "the claim's plan is cheap enough that JIT would not start anyway");
        Assert.False(top.TryGetProperty("JIT", out var jit), $"the claim was JIT-compiled: {jit}");
    }

    [Fact]
    public async Task A_claim_reads_neither_the_runs_that_are_not_due_nor_those_of_paused_queues_whatever_their_bands()
    {
        var schema = TestDatabase.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1");
        var (store, history) = StoreFactory.NewStores(dataSource, schema);
        await store.MigrateAsync(default);

        // 30 bands (3 queues, 10 priorities) of runs that sleep or back off, every one above the due runs' priority;
        // a paused queue whose due runs have the highest priority; and the due runs the claim is for.
        var sleeping = from queue in new[] { "default", "sync", "exports" }
                       from priority in Enumerable.Range(1, 10)
                       from n in Enumerable.Range(0, SleepingPerBand)
                       select Run(queue, priority, StoreSteps.T0.AddHours(1).AddSeconds(n));
        var paused = Enumerable.Range(0, 2000).Select(n => Run("held", 100, StoreSteps.T0.AddSeconds(-3600 + n)));
        var due = Enumerable.Range(0, 50).Select(n => Run("default", 0, StoreSteps.T0.AddSeconds(-n))).ToList();
        await store.StartRunsAsync(new StartRunsRequest([.. sleeping, .. paused, .. due], Transaction: null), default);
        Assert.True(await history.SetQueuePausedAsync(new SetQueuePausedRequest("held", Paused: true, StoreSteps.T0), default));
        var before = await DueIndexEntriesReadAsync(dataSource, schema, "runs_due_by_band");

        var claimed = await store.ClaimAsync(new ClaimRequest("worker", StoreSteps.Known, 5, TimeSpan.FromSeconds(30), StoreSteps.T0), default);
        var read = await DueIndexEntriesReadAsync(dataSource, schema, "runs_due_by_band") - before;

        Assert.Equal(due.TakeLast(5).Select(r => r.Id).Order(), claimed.Select(c => c.Id).Order());

        // One entry per band to find the bands, and the claimed runs twice (to rank them, then to lock them): not the
        // 6,000 sleeping runs nor the 2,000 paused ones.
        Assert.InRange(read, 10, 31 + 32 + 10 + 20);
    }

    private static NewRun Run(string queue, int priority, DateTimeOffset due) =>
        new(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, StoreSteps.T0, due, TimeSpan.Zero, "s0") { Queue = queue, Priority = priority };

    private static Task<long> DueIndexEntriesReadAsync(NpgsqlDataSource dataSource, string schema) =>
        DueIndexEntriesReadAsync(dataSource, schema, "runs_due_by_band");

    private static async Task<long> DueIndexEntriesReadAsync(NpgsqlDataSource dataSource, string schema, string index)
    {
        await using var connection = await dataSource.OpenConnectionAsync();

        // A session hands its counts over when it goes idle, but at most once a second unless told to: this statement's
        // end hands over those of the statements before it, so that the next one reads them.
        await connection.ExecuteAsync("SELECT pg_stat_force_next_flush()");
        return await connection.ExecuteScalarAsync<long>(
            "SELECT idx_tup_read FROM pg_stat_user_indexes WHERE schemaname = @schema AND indexrelname = @index", new { schema, index });
    }
}
