using System.Diagnostics;
using Dapper;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The end of a child must cost the same whether its parent waits for ten children or 20,000: a wake-up that looks
/// at every awaited child, under the parent's lock, makes a fan-out quadratic. The work is counted in rows the
/// database read (its own table statistics, on the one connection the store and the test share), not in time.
/// </summary>
public sealed class FanOutWakeCostTests(ITestOutputHelper output)
{
    private const int Children = 20_000;
    private const int Batch = 1_000;
    private const int Measured = 50;

    [Fact]
    public async Task Ending_a_child_of_a_parent_that_waits_for_20000_reads_a_few_rows_however_many_have_ended()
    {
        var schema = TestDatabase.NewSchema();

        // One connection that keeps its session: the store's statements and the statistics read here share a backend.
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1;No Reset On Close=true;Command Timeout=300");
        var store = StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        var parent = await StartAsync(store, T0);
        var parentClaim = await ClaimOneAsync(store, "a", T0);
        var children = new List<Guid>(Children);
        for (var i = 0; i < Children; i += Batch)
        {
            var runs = Enumerable.Range(i, Batch).Select(n => new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "child:" + n, parent, T0, T0.AddSeconds(1), TimeSpan.Zero, "s0")).ToList();
            children.AddRange((await store.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default)).Select(r => r.Id));
        }

        await store.CompleteAsync(new CompleteStepsRequest([Success(parentClaim, "null") with { Output = null, NextStatus = RunStatus.Waiting, NextStepName = null, AwaitedRuns = children }], Worker: "a", Now: T0, Notify: true), default);
        var claims = new List<ClaimedRun>(Children);
        while (claims.Count < Children)
        {
            claims.AddRange(await store.ClaimAsync(new ClaimRequest("b", Known, Batch, TimeSpan.FromHours(1), T0.AddSeconds(2)), default));
        }

        // The children end in start order (the order the parent awaits them), so the ones still running are last.
        var byId = claims.ToDictionary(c => c.Id);
        var ordered = children.Select(id => byId[id]).ToList();
        for (var i = 0; i < Children - Measured; i += Batch)
        {
            var batch = ordered.Skip(i).Take(Math.Min(Batch, Children - Measured - i)).Select(c => Success(c, "1", last: true) with { ParentRunId = parent }).ToList();
            await store.CompleteAsync(new CompleteStepsRequest(batch, Worker: "b", Now: T0.AddSeconds(3), Notify: true), default);
        }

        var worst = 0L;
        var elapsed = new Stopwatch();
        foreach (var child in ordered.Skip(Children - Measured))
        {
            var before = await RowsReadAsync(dataSource, schema);
            elapsed.Start();
            await store.CompleteAsync(new CompleteStepsRequest([Success(child, "1", last: true) with { ParentRunId = parent }], Worker: "b", Now: T0.AddSeconds(4), Notify: true), default);
            elapsed.Stop();
            worst = Math.Max(worst, await RowsReadAsync(dataSource, schema) - before);
        }

        output.WriteLine($"{Measured} child ends at {Children} children: {elapsed.Elapsed.TotalMilliseconds / Measured:F2} ms each; at most {worst} rows read by one");
        Assert.Equal(RunStatus.Pending, (await store.GetRunAsync(parent, default))!.Status);
        Assert.True(worst < 100, $"ending one child of {Children} read {worst} rows");
    }

    // Rows read from the schema's tables by sequential and index scans, as the statistics hold them once this
    // backend has flushed what it counted (the flush is forced: it is otherwise at most once a second).
    private static async Task<long> RowsReadAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("SELECT pg_stat_force_next_flush()");
        await connection.ExecuteAsync("SELECT pg_stat_clear_snapshot()");
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COALESCE(sum(COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0)), 0)::bigint FROM pg_stat_user_tables WHERE schemaname = @schema",
            new { schema });
    }
}
