using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// Priorities and queues as the claim sees them: highest priority first, ties oldest due first; a worker claims only
/// from the queues it serves; a paused queue is claimed by no worker and keeps its runs and due times until resumed.
/// </summary>
public abstract class QueueContract : StoreContract
{
    [Fact]
    public async Task A_higher_priority_is_claimed_first_and_a_tie_goes_to_the_oldest_due()
    {
        await using var db = await OpenAsync();
        var lowOld = await StartAsync(db, due: T0.AddSeconds(-30), priority: -5);
        var normalNew = await StartAsync(db, due: T0.AddSeconds(-1));
        var normalOld = await StartAsync(db, due: T0.AddSeconds(-20));
        var urgentNew = await StartAsync(db, due: T0.AddSeconds(-2), priority: 10);
        var urgentOld = await StartAsync(db, due: T0.AddSeconds(-3), priority: 10);

        var claimed = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            claimed.Add((await ClaimAsync(db, 1)).Single());
        }

        Assert.Equal([urgentOld, urgentNew, normalOld, normalNew, lowOld], claimed);
    }

    [Fact]
    public async Task One_claim_takes_the_best_runs_of_every_band_it_may_claim_from()
    {
        await using var db = await OpenAsync();
        var sync = await StartAsync(db, due: T0.AddSeconds(-9), queue: "sync");
        var urgent = await StartAsync(db, due: T0.AddSeconds(-1), priority: 3);
        var old = await StartAsync(db, due: T0.AddSeconds(-8));
        await StartAsync(db, due: T0.AddSeconds(-7));
        await StartAsync(db, due: T0.AddSeconds(5), priority: 50);

        var claimed = await ClaimAsync(db, 3);

        // One claim's runs come back in no particular order: which runs it took is what counts.
        Assert.Equal(new[] { urgent, sync, old }.Order(), claimed.Order());
    }

    [Fact]
    public async Task A_future_run_of_a_higher_priority_does_not_hold_back_a_due_one()
    {
        await using var db = await OpenAsync();
        await StartAsync(db, due: T0.AddMinutes(5), priority: 100);
        var due = await StartAsync(db, due: T0, priority: -100);

        Assert.Equal([due], await ClaimAsync(db, 10));
    }

    [Fact]
    public async Task A_bulk_start_keeps_each_rows_priority()
    {
        await using var db = await OpenAsync();
        var runs = new[] { 0, 7, -3, 7 }
            .Select((priority, i) => new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, T0.AddSeconds(-10 + i), TimeSpan.Zero) { Priority = priority })
            .ToList();
        await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);

        var claimed = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            claimed.Add((await ClaimAsync(db, 1)).Single());
        }

        Assert.Equal([runs[1].Id, runs[3].Id, runs[0].Id, runs[2].Id], claimed);
    }

    [Fact]
    public async Task A_worker_claims_only_from_the_queues_it_serves()
    {
        await using var db = await OpenAsync();
        var inDefault = await StartAsync(db);
        var inSync = await StartAsync(db, queue: "sync");

        Assert.Equal([inSync], await ClaimAsync(db, 10, queues: ["sync"]));
        Assert.Empty(await ClaimAsync(db, 10, queues: ["sync", "exports"]));
        Assert.Equal([inDefault], await ClaimAsync(db, 10, queues: null));
    }

    [Fact]
    public async Task A_paused_queue_is_claimed_by_no_worker_and_keeps_its_runs_and_due_times()
    {
        await using var db = await OpenAsync();
        var paused = await StartAsync(db, due: T0.AddSeconds(-5), queue: "sync", priority: 50);
        var later = await StartAsync(db, due: T0.AddSeconds(30), queue: "sync");
        var open = await StartAsync(db, due: T0.AddSeconds(-1));

        Assert.True(await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: true, T0), default));

        Assert.Equal([open], await ClaimAsync(db, 10, queues: null));
        Assert.Empty(await ClaimAsync(db, 10, queues: ["sync"], now: T0.AddMinutes(1)));
        Assert.Equal((RunStatus.Pending, T0.AddSeconds(-5)), await StatusAsync(db, paused));
        Assert.Equal((RunStatus.Pending, T0.AddSeconds(30)), await StatusAsync(db, later));
    }

    [Fact]
    public async Task A_resumed_queue_is_claimed_at_once_in_priority_order()
    {
        await using var db = await OpenAsync();
        var first = await StartAsync(db, due: T0.AddSeconds(-5), queue: "sync");
        var urgent = await StartAsync(db, due: T0.AddSeconds(-1), queue: "sync", priority: 1);
        await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: true, T0), default);
        Assert.Empty(await ClaimAsync(db, 10, queues: ["sync"]));

        Assert.True(await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: false, T0.AddSeconds(1)), default));

        Assert.Equal([urgent], await ClaimAsync(db, 1, queues: ["sync"], now: T0.AddSeconds(1)));
        Assert.Equal([first], await ClaimAsync(db, 1, queues: ["sync"], now: T0.AddSeconds(1)));
    }

    [Fact]
    public async Task Pausing_or_resuming_a_queue_no_one_knows_finds_nothing()
    {
        await using var db = await OpenAsync();

        Assert.False(await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("nobody", Paused: true, T0), default));
        Assert.False(await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("nobody", Paused: false, T0), default));
        Assert.True(await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("default", Paused: true, T0), default));
        await db.History.RegisterQueuesAsync(new RegisterQueuesRequest(["sync"], T0), default);
        Assert.True(await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: true, T0), default));
    }

    [Fact]
    public async Task Registering_a_paused_queue_again_keeps_it_paused()
    {
        await using var db = await OpenAsync();
        await db.History.RegisterQueuesAsync(new RegisterQueuesRequest(["sync"], T0), default);
        await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: true, T0.AddSeconds(1)), default);

        await db.History.RegisterQueuesAsync(new RegisterQueuesRequest(["sync", "default"], T0.AddSeconds(2)), default);

        var queues = await db.History.ListQueuesAsync(T0.AddSeconds(3), default);
        Assert.Equal([("default", false, null), ("sync", true, (DateTime?)T0.AddSeconds(1).UtcDateTime)], queues.Select(q => (q.Name, q.Paused, q.PausedAt)));
    }

    [Fact]
    public async Task The_queue_list_counts_each_queues_runs_by_status()
    {
        await using var db = await OpenAsync();
        await db.History.RegisterQueuesAsync(new RegisterQueuesRequest(["empty"], T0), default);
        await StartAsync(db, due: T0.AddSeconds(-30), queue: "sync");
        await StartAsync(db, due: T0.AddSeconds(-10), queue: "sync");
        await StartAsync(db, due: T0.AddSeconds(60), queue: "sync");
        await StartAsync(db, due: T0.AddSeconds(-1));
        await StartAsync(db, due: T0.AddSeconds(-2));
        await ClaimAsync(db, 1, queues: ["default"]);
        await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: true, T0), default);

        var queues = (await db.History.ListQueuesAsync(T0, default)).Select(QueueRow.ToInfo).ToList();

        Assert.Equal(
            [
                ("default", false, 1L, 0L, 0L, 1L, 0L, (TimeSpan?)TimeSpan.FromSeconds(1)), ("empty", false, 0L, 0L, 0L, 0L, 0L, null),
                ("sync", true, 2L, 1L, 0L, 0L, 0L, TimeSpan.FromSeconds(30)),
            ],
            queues.Select(q => (q.Name, q.Paused, q.Due, q.Scheduled, q.Held, q.Running, q.Waiting, q.OldestDueAge)));
        Assert.Equal(T0, queues.Single(q => q.Name == "sync").PausedAt);
    }

    [Fact]
    public async Task The_queue_list_counts_a_run_held_by_a_limit_as_held_not_as_scheduled()
    {
        await using var db = await OpenAsync();
        await StartAsync(db, due: T0.AddSeconds(-2));
        await StartAsync(db, due: T0.AddSeconds(-1));
        await StartAsync(db, due: T0.AddSeconds(60));
        Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, LimitSteps.Concurrency(1), "me", 10, T0));

        var queue = Assert.Single((await db.History.ListQueuesAsync(T0, default)).Select(QueueRow.ToInfo));

        Assert.Equal(("default", 0L, 1L, 1L, 1L), (queue.Name, queue.Due, queue.Scheduled, queue.Held, queue.Running));
    }

    [Fact]
    public async Task A_limit_gives_its_free_slots_to_the_highest_priority_first_then_the_oldest_due()
    {
        await using var db = await OpenAsync();
        var low = await StartAsync(db, due: T0.AddSeconds(-40), priority: -5);
        var oldest = await StartAsync(db, due: T0.AddSeconds(-30));
        var newer = await StartAsync(db, due: T0.AddSeconds(-20));
        var urgent = await StartAsync(db, due: T0.AddSeconds(-1), priority: 5);

        var claimed = await LimitSteps.ClaimAllAsync(db.Runs, LimitSteps.Concurrency(2), "me", 10, T0);

        Assert.Equal(new[] { urgent, oldest }.Order(), claimed.Select(c => c.Id).Order());
        Assert.Equal(RunStatus.Held, (await db.Runs.GetRunAsync(newer, default))!.Status);
        Assert.Equal(RunStatus.Held, (await db.Runs.GetRunAsync(low, default))!.Status);
    }

    [Fact]
    public async Task A_claim_through_limits_that_fit_takes_its_free_slots_highest_priority_first()
    {
        await using var db = await OpenAsync();
        await StartAsync(db, due: T0.AddSeconds(-40));
        await StartAsync(db, due: T0.AddSeconds(-30), priority: 1);
        var second = await StartAsync(db, due: T0.AddSeconds(-1), priority: 2);
        var first = await StartAsync(db, due: T0.AddSeconds(-2), priority: 3);
        var limits = LimitSteps.Concurrency(10);

        // PostgreSQL's first look at the limit only makes its counter; the first claim that takes runs takes two of
        // the four runs that fit.
        IReadOnlyList<ClaimedRun> claimed = [];
        for (var round = 0; round < 3 && claimed.Count == 0; round++)
        {
            claimed = await LimitSteps.ClaimAsync(db.Runs, limits, "me", 2, T0);
        }

        Assert.Equal(new[] { first, second }.Order(), claimed.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task The_limit_gate_decides_only_on_runs_of_served_queues_that_are_not_paused()
    {
        await using var db = await OpenAsync();
        var paused = await StartAsync(db, due: T0.AddSeconds(-9), queue: "sync", priority: 50);
        var unserved = await StartAsync(db, due: T0.AddSeconds(-8), queue: "exports", priority: 40);
        var served = await StartAsync(db, due: T0.AddSeconds(-1));
        await db.History.SetQueuePausedAsync(new SetQueuePausedRequest("sync", Paused: true, T0), default);

        var claimed = await LimitSteps.ClaimAllAsync(db.Runs, LimitSteps.Concurrency(1), "me", 10, T0, queues: ["default", "sync"]);

        // Neither run the claim may not take was held by the full limit: both keep their due times.
        Assert.Equal([served], claimed.Select(c => c.Id));
        Assert.Equal((RunStatus.Pending, T0.AddSeconds(-9)), await StatusAsync(db, paused));
        Assert.Equal((RunStatus.Pending, T0.AddSeconds(-8)), await StatusAsync(db, unserved));
    }

    [Fact]
    public async Task A_restart_keeps_the_queue_and_the_priority_of_the_original()
    {
        await using var db = await OpenAsync();
        var original = await StartAsync(db, queue: "sync", priority: 9);
        var claim = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 1, TimeSpan.FromSeconds(30), T0), default));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "1", last: true)], Worker: "me", Now: T0, Notify: false), default);
        var lower = await StartAsync(db, due: T0.AddSeconds(-60), queue: "sync");

        var restarted = (await db.History.RestartAsync(new RestartRunRequest(original, Guid.NewGuid(), T0.AddSeconds(1)), default))!.Value;

        Assert.Equal([restarted], await ClaimAsync(db, 1, queues: ["sync"], now: T0.AddSeconds(1)));
        Assert.Equal([lower], await ClaimAsync(db, 1, queues: ["sync"], now: T0.AddSeconds(1)));
    }

    private static async Task<Guid> StartAsync(StoreUnderTest db, DateTimeOffset? due = null, string queue = "default", int priority = 0)
    {
        var run = new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, due ?? T0, TimeSpan.Zero) { Queue = queue, Priority = priority };
        return (await db.Runs.StartRunAsync(new StartRunRequest(run), default)).Id;
    }

    private static async Task<IReadOnlyList<Guid>> ClaimAsync(StoreUnderTest db, int limit, IReadOnlyList<string>? queues = null, DateTimeOffset? now = null)
    {
        var claimed = await db.Runs.ClaimAsync(new ClaimRequest("me", Known, limit, TimeSpan.FromSeconds(30), now ?? T0) { Queues = queues }, default);
        return claimed.Select(c => c.Id).ToList();
    }

    private static async Task<(RunStatus, DateTimeOffset?)> StatusAsync(StoreUnderTest db, Guid id)
    {
        var run = (await db.Runs.GetRunAsync(id, default))!;
        return (run.Status, run.NextAttemptAt);
    }
}
