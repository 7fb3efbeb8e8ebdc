using Dapper;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// 10,000 runs waiting for an event and 10,000 sleeping: an event sent to one of them finds it by its id, the timeout
/// sweep reads the waits whose timeout passed through runs_event_timeouts, and the claim reads the woken and the
/// newly due sleepers through the band index; none of them reads the other waiting or sleeping runs. What is read is
/// counted from PostgreSQL's statistics.
/// </summary>
public sealed class WaitingRunsPlanTests(ITestOutputHelper output)
{
    private const int Waiting = 10_000;

    private const int Sleeping = 10_000;

    // Far below the 20,000 waiting and sleeping runs: the runs woken and claimed, each read a few times.
    private const long MostEntriesRead = 500;

    [Fact]
    public async Task Waking_runs_beside_10000_waiting_for_events_and_10000_sleeping_reads_the_woken_runs_only()
    {
        var schema = TestDatabase.NewSchema();
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1");
        var store = StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        await ParkRunsAsync(dataSource, schema);
        var approved = await LastWaitingAsync(dataSource, schema);

        var before = await TableReads.TakeAsync(dataSource, schema);
        var sent = await store.SendEventAsync(new SendEventRequest(approved, null, null, "approval", "approval-1", "{}", T0), default);
        var sendReads = await TableReads.TakeAsync(dataSource, schema) - before;

        // The waits of runs 1 to 10 time out 1 to 10 s after T0.
        before = await TableReads.TakeAsync(dataSource, schema);
        var timedOut = await store.TimeOutEventWaitsAsync(new TimeOutEventWaitsRequest(T0.AddSeconds(10.5), 100), default);
        var sweepReads = await TableReads.TakeAsync(dataSource, schema) - before;

        // Sleepers 1 to 5 are due 1 to 5 s after T0 + 1 h; with the woken ones, 16 runs are due.
        before = await TableReads.TakeAsync(dataSource, schema);
        var claimed = await store.ClaimAsync(new ClaimRequest("worker", Known, 100, TimeSpan.FromSeconds(30), T0.AddHours(1).AddSeconds(5.5)), default);
        var claimReads = await TableReads.TakeAsync(dataSource, schema) - before;

        output.WriteLine($"send: {sendReads}; timeout sweep: {sweepReads}; claim: {claimReads}");
        Assert.Equal(EventSendStatus.Delivered, sent.Status);
        Assert.Equal(10, timedOut);
        Assert.Equal(1 + 10 + 5, claimed.Count);
        Assert.True(sendReads.RowsReadSequentially == 0 && sendReads.IndexEntriesRead <= 10, $"sending one event read: {sendReads}");
        Assert.True(sweepReads.RowsReadSequentially == 0 && sweepReads.IndexEntriesRead <= MostEntriesRead, $"timing 10 waits out read: {sweepReads}");
        Assert.True(claimReads.RowsReadSequentially == 0 && claimReads.IndexEntriesRead <= MostEntriesRead, $"claiming 16 woken runs read: {claimReads}");
    }

    // One set-based INSERT per kind: runs parked at step s0 waiting for "approval" (run g's wait times out g seconds
    // after T0), and runs sleeping until g seconds after T0 + 1 h.
    private static async Task ParkRunsAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            $$"""
            INSERT INTO "{{schema}}".runs (id, workflow, status, step_index, step_name, attempt, input, created_at, updated_at, started_at,
                                         awaited_event, event_timeout_at)
            SELECT gen_random_uuid(), 'w', 'waiting', 0, 's0', 1, '{"n":1}', @t0, @t0, @t0, 'approval', @t0 + make_interval(secs => g)
            FROM generate_series(1, @waiting) AS g;
            INSERT INTO "{{schema}}".runs (id, workflow, status, step_index, step_name, attempt, input, created_at, updated_at, started_at,
                                         next_attempt_at, sleep)
            SELECT gen_random_uuid(), 'w', 'pending', 0, 's0', 0, '{"n":1}', @t0, @t0, @t0, @t0 + interval '1 hour' + make_interval(secs => g), 'sleep'
            FROM generate_series(1, @sleeping) AS g;
            """,
            new { t0 = T0, waiting = Waiting, sleeping = Sleeping });
    }

    private static async Task<Guid> LastWaitingAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<Guid>(
            $"SELECT id FROM \"{schema}\".runs WHERE status = 'waiting' ORDER BY event_timeout_at DESC LIMIT 1");
    }
}
