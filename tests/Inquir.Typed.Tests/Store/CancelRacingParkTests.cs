using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// A cancel that reads which runs to cancel before it holds their locks, racing the commit that parks the run it
/// cancels, must still cancel the children that commit made it wait for. The interleaving is forced, not timed:
/// the test holds the lock of the cancelled run's parent (whose id sorts first, so the cancel queues on it before
/// any other lock), parks the run while the cancel waits, then lets the cancel go on.
/// </summary>
public sealed class CancelRacingParkTests
{
    [Fact]
    public async Task A_cancel_that_waited_for_the_commit_that_parked_the_run_cancels_the_children_it_now_waits_for()
    {
        await using var factory = await StoreFactory.CreateAsync();
        var store = factory.Store;
        var history = new PostgresHistoryStore(factory.DataSource, new SqlScripts(factory.Schema), new WakeUpChannel(factory.Schema));
        var grandparent = Guid.Parse("00000000-0000-0000-0000-000000000001");
        await store.StartRunAsync(new StartRunRequest(new NewRun(grandparent, "w", Utf8.Json("{}"), null, null, T0, T0.AddHours(1), TimeSpan.Zero), Transaction: null), default);
        var parent = (await store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, grandparent, T0, T0, TimeSpan.Zero), Transaction: null), default)).Id;
        var claim = await ClaimOneAsync(store, "a", T0);
        Assert.Equal(parent, claim.Id);
        var children = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            children.Add((await store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "child:" + i, parent, T0, T0.AddMinutes(1), TimeSpan.Zero), Transaction: null), default)).Id);
        }

        await using var holder = await TestDatabase.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync($"SELECT 1 FROM {factory.Schema}.runs WHERE id = @grandparent FOR UPDATE", new { grandparent }, held);
        var cancel = history.CancelAsync(new CancelRunRequest(parent, Reason: "stop", Now: T0.AddSeconds(1)), default);
        await Eventually.TrueAsync(
            async () =>
            {
                await using var watcher = await TestDatabase.OpenAsync();
                return await watcher.ExecuteScalarAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE @holder = ANY (pg_blocking_pids(pid)))", new { holder = holder.ProcessID });
            },
            "the cancel waits for the lock the test holds");

        await store.CompleteAsync(new CompleteStepsRequest([Success(claim, "null") with { Output = null, NextStatus = RunStatus.Waiting, NextStepName = null, AwaitedRuns = children, ParentRunId = grandparent }], Worker: "a", Now: T0.AddSeconds(1), Notify: true), default);
        Assert.Equal(RunStatus.Waiting, (await store.GetRunAsync(parent, default))!.Status);
        await held.CommitAsync();
        Assert.Equal(RunStatus.Waiting, (await cancel)?.PreviousStatus);

        var statuses = (await store.GetRunsAsync([parent, .. children], default)).ToDictionary(r => r.Id, r => r.Status);
        Assert.Equal(
            [(parent, RunStatus.Cancelled), (children[0], RunStatus.Cancelled), (children[1], RunStatus.Cancelled)],
            new[] { parent, children[0], children[1] }.Select(id => (id, statuses[id])));
    }
}
