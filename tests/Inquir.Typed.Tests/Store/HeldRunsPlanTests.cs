using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// 100,000 runs held by full limits (1,000 keys of a keyed concurrency limit of 1, 100 held runs each): a claim beside
/// them reads the runs it claims, not the held ones (they are due at infinity, past every bounded read of the due
/// index), and the claim after a slot frees releases that key's oldest held run through runs_held, reading one entry
/// of it, not the key's 100 nor the 100,000. What is read is counted from PostgreSQL's statistics.
/// </summary>
public sealed class HeldRunsPlanTests(ITestOutputHelper output)
{
    private const int HotKeys = 1_000;

    private const int HeldPerKey = 100;

    private const int ColdRuns = 10;

    // Far below the 100,000 held runs: the claimed runs, each read a few times (to rank, to lock, to update) through
    // the band index, the primary key and the held index, and one descent per band.
    private const long MostEntriesRead = 1_000;

    [Fact]
    public async Task A_claim_beside_100000_held_runs_and_the_release_of_one_of_them_read_neither_the_held_runs_nor_the_table()
    {
        var schema = TestDatabase.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1");
        var store = StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        await HoldRunsAsync(dataSource, schema);
        var cold = new List<Guid>();
        for (var i = 0; i < ColdRuns; i++)
        {
            cold.Add(await LimitSteps.StartKeyedAsync(store, "cold-" + i));
        }

        var limits = LimitSteps.Concurrency(1, keyed: true);
        var beforeClaim = await TableReads.TakeAsync(dataSource, schema);
        var claimed = await LimitSteps.ClaimAllAsync(store, limits, "worker", ColdRuns, T0.AddSeconds(1));
        var claimReads = await TableReads.TakeAsync(dataSource, schema) - beforeClaim;

        Assert.Equal(cold.Order(), claimed.Select(c => c.Id).Order());
        Assert.True(claimReads.RowsReadSequentially == 0 && claimReads.IndexEntriesRead <= MostEntriesRead, $"the claims beside {HotKeys * HeldPerKey} held runs read: {claimReads}");

        // A slot of one hot key frees (its running run ended): the next claims release its oldest held run and claim it.
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync($"UPDATE \"{schema}\".limit_counters SET running = 0 WHERE name = 'api' AND key = 'hot-7'");
        }

        var oldest = await OldestHeldAsync(dataSource, schema, "hot-7");
        var beforeRelease = await TableReads.TakeAsync(dataSource, schema);
        var released = await LimitSteps.ClaimAllAsync(store, limits, "worker", ColdRuns, T0.AddSeconds(2));
        var releaseReads = await TableReads.TakeAsync(dataSource, schema) - beforeRelease;

        output.WriteLine($"claims beside the held runs: {claimReads}; release and claim of one: {releaseReads}");
        Assert.Equal(oldest, Assert.Single(released).Id);
        Assert.True(releaseReads.RowsReadSequentially == 0 && releaseReads.IndexEntriesRead <= MostEntriesRead, $"releasing and claiming one of {HotKeys * HeldPerKey} held runs read: {releaseReads}");
    }

    // The claim locks the counters of its due runs' (limit, key) pairs in (name, key) order. With sorts turned off for
    // the claim, the planner got that order from a walk of the whole counters index, each counter checked against the
    // due runs: every claim read every key's counter, 10,000 here, to lock the 108 of its due runs.
    [Fact]
    public async Task A_limited_claim_reads_the_counters_of_its_due_runs_keys_not_every_keys_counter()
    {
        const int keys = 10_000;
        var schema = TestDatabase.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1");
        var store = StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                $$"""
                INSERT INTO "{{schema}}".runs (id, workflow, status, step_index, step_name, input, created_at, updated_at, next_attempt_at, limit_keys)
                SELECT gen_random_uuid(), 'w', 'pending', 0, 's0', '{"n":1}', @t0, @t0, @t0 - make_interval(secs => @keys - g), jsonb_build_object('api', 'k-' || g)
                FROM generate_series(1, @keys) AS g;
                INSERT INTO "{{schema}}".limit_counters (name, key, running, waiting, tokens, refilled_at)
                SELECT 'api', 'k-' || g, 0, 0, 0, @t0 FROM generate_series(1, @keys) AS g;
                """,
                new { t0 = T0, keys });
        }

        var before = await TableReads.TakeAsync(dataSource, schema, "limit_counters");
        var claimed = await LimitSteps.ClaimAsync(store, LimitSteps.Concurrency(1, keyed: true), "worker", 8, T0.AddSeconds(1));
        var reads = await TableReads.TakeAsync(dataSource, schema, "limit_counters") - before;
        output.WriteLine($"a claim of 8 beside {keys} keys' counters read: {reads}");

        Assert.Equal(8, claimed.Count);

        // The claim reads 108 due runs (8 to take and 100 more): each of their counters a few times at most.
        Assert.True(reads.RowsReadSequentially == 0 && reads.IndexEntriesRead <= 500, $"a claim beside {keys} keys' counters read: {reads}");
    }

    // One set-based INSERT of what the claims of the hot keys would have left: each key's counter full (one run holds
    // its slot) and its runs held, due at infinity, each remembering when it was due.
    private static async Task HoldRunsAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            $$"""
            INSERT INTO "{{schema}}".runs (id, workflow, status, step_index, step_name, input, created_at, updated_at, next_attempt_at,
                                         limit_keys, held_limit, held_key, held_due_at)
            SELECT gen_random_uuid(), 'w', 'pending', 0, 's0', '{"n":1}', @t0, @t0, 'infinity',
                   jsonb_build_object('api', 'hot-' || (g % @keys)), 'api', 'hot-' || (g % @keys), @t0 - make_interval(secs => g)
            FROM generate_series(1, @held) AS g;
            INSERT INTO "{{schema}}".limit_counters (name, key, running, waiting, tokens, refilled_at)
            SELECT 'api', 'hot-' || k, 1, @perKey, 0, @t0
            FROM generate_series(0, @keys - 1) AS k;
            """,
            new { t0 = T0, keys = HotKeys, held = HotKeys * HeldPerKey, perKey = HeldPerKey });
    }

    private static async Task<Guid> OldestHeldAsync(NpgsqlDataSource dataSource, string schema, string key)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>(
            $"SELECT id FROM \"{schema}\".runs WHERE held_limit = 'api' AND held_key = @key ORDER BY held_due_at LIMIT 1", new { key });
    }
}
