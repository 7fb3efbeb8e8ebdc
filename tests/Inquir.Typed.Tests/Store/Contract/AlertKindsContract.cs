using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// The queue-lag and no-live-worker alert kinds, evaluated from the store on the fake clock: a queue's oldest due run
/// waiting past the rule's Over fires it (another queue's backlog does not) and its claim resolves it; no worker
/// heartbeat newer than Over fires the other, a heartbeat resolves it, and a worker that stopped leaves the rule its
/// last heartbeat.
/// </summary>
public abstract class AlertKindsContract : StoreContract
{
    private static readonly AlertDefinition ExportsLag = AlertDefinition.QueueLag("exports-lag", "exports", TimeSpan.FromMinutes(5));
    private static readonly AlertDefinition NoWorker = AlertDefinition.NoLiveWorker("no-live-worker", TimeSpan.FromMinutes(2));

    [Fact]
    public async Task A_queue_lag_alert_fires_when_the_queues_oldest_due_run_waits_past_over_and_resolves_when_it_is_claimed()
    {
        await using var db = await OpenAsync();
        await StartInQueueAsync(db.Runs, "exports", due: T0);
        await StartInQueueAsync(db.Runs, "exports", due: T0.AddMinutes(2));

        db.Clock.SetUtcNow(T0.AddMinutes(4));
        Assert.Empty(await EvaluateAsync(db, ExportsLag));
        var waiting = Assert.Single(await db.Monitoring.ListAlertsAsync(default));
        Assert.Equal((AlertKind.QueueLag, "exports", AlertState.Ok, (TimeSpan?)TimeSpan.FromMinutes(4), (int?)2), (waiting.Kind, waiting.Queue, waiting.State, waiting.LastAge, waiting.LastTotal));

        db.Clock.SetUtcNow(T0.AddMinutes(6));
        var fired = Assert.Single(await EvaluateAsync(db, ExportsLag));
        Assert.Equal((AlertStatus.Firing, AlertKind.QueueLag, "exports", (TimeSpan?)TimeSpan.FromMinutes(6), 2), (fired.Status, fired.Kind, fired.Queue, fired.Age, fired.Total));
        Assert.Equal((TimeSpan.FromMinutes(5), T0.AddMinutes(6)), (fired.Window, fired.StartsAt));
        Assert.Empty(await EvaluateAsync(db, ExportsLag));

        // The oldest is claimed; the other has waited 4 minutes, under Over.
        Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 1, TimeSpan.FromSeconds(30), T0.AddMinutes(6)) { Queues = ["exports"] }, default));
        var resolved = Assert.Single(await EvaluateAsync(db, ExportsLag));
        Assert.Equal((AlertStatus.Resolved, (TimeSpan?)TimeSpan.FromMinutes(4), T0.AddMinutes(6), (DateTimeOffset?)T0.AddMinutes(6)), (resolved.Status, resolved.Age, resolved.StartsAt, resolved.EndsAt));
        Assert.Equal(AlertState.Ok, Assert.Single(await db.Monitoring.ListAlertsAsync(default)).State);
    }

    [Fact]
    public async Task Another_queues_backlog_does_not_fire_a_queue_lag_alert()
    {
        await using var db = await OpenAsync();
        await StartInQueueAsync(db.Runs, "default", due: T0.AddHours(-1));
        await StartInQueueAsync(db.Runs, "imports", due: T0.AddHours(-1));
        await StartInQueueAsync(db.Runs, "exports", due: T0.AddHours(1));

        Assert.Empty(await EvaluateAsync(db, ExportsLag));

        var stored = Assert.Single(await db.Monitoring.ListAlertsAsync(default));
        Assert.Equal((AlertState.Ok, (TimeSpan?)null, (int?)0), (stored.State, stored.LastAge, stored.LastTotal));
    }

    [Fact]
    public async Task No_live_worker_fires_when_no_heartbeat_is_newer_than_over_and_resolves_when_a_worker_beats_again()
    {
        await using var db = await OpenAsync();
        await db.Monitoring.BeatAsync(new WorkerBeatRequest("worker-1", "host-a", T0), default);

        db.Clock.SetUtcNow(T0.AddMinutes(1));
        Assert.Empty(await EvaluateAsync(db, NoWorker));
        var live = Assert.Single(await db.Monitoring.ListAlertsAsync(default));
        Assert.Equal((AlertKind.NoLiveWorker, AlertState.Ok, (DateTimeOffset?)T0, (int?)1), (live.Kind, live.State, live.LastSeenAt, live.LastTotal));

        // The worker hangs (or lost the database): its row stays, its heartbeat ages past Over.
        db.Clock.SetUtcNow(T0.AddMinutes(3));
        var fired = Assert.Single(await EvaluateAsync(db, NoWorker));
        Assert.Equal((AlertStatus.Firing, AlertKind.NoLiveWorker, (DateTimeOffset?)T0, (TimeSpan?)TimeSpan.FromMinutes(3), 0), (fired.Status, fired.Kind, fired.LastSeenAt, fired.Age, fired.Total));

        await db.Monitoring.BeatAsync(new WorkerBeatRequest("worker-1", "host-a", T0.AddMinutes(3)), default);
        db.Clock.SetUtcNow(T0.AddMinutes(3).AddSeconds(30));
        var resolved = Assert.Single(await EvaluateAsync(db, NoWorker));
        Assert.Equal((AlertStatus.Resolved, (DateTimeOffset?)T0.AddMinutes(3), 1), (resolved.Status, resolved.LastSeenAt, resolved.Total));
    }

    [Fact]
    public async Task A_stopped_workers_row_goes_and_the_rule_counts_from_the_last_heartbeat_it_saw()
    {
        await using var db = await OpenAsync();
        await db.Monitoring.BeatAsync(new WorkerBeatRequest("worker-1", "host-a", T0), default);
        db.Clock.SetUtcNow(T0.AddSeconds(30));
        Assert.Empty(await EvaluateAsync(db, NoWorker));

        await db.Monitoring.RemoveWorkerAsync(new RemoveWorkerRequest("worker-1"), default);

        db.Clock.SetUtcNow(T0.AddMinutes(1));
        Assert.Empty(await EvaluateAsync(db, NoWorker));
        Assert.Equal((AlertState.Ok, (int?)0, (DateTimeOffset?)T0), Stored(await db.Monitoring.ListAlertsAsync(default)));

        db.Clock.SetUtcNow(T0.AddMinutes(2).AddSeconds(1));
        var fired = Assert.Single(await EvaluateAsync(db, NoWorker));
        Assert.Equal((AlertStatus.Firing, (DateTimeOffset?)T0, (TimeSpan?)TimeSpan.FromSeconds(121)), (fired.Status, fired.LastSeenAt, fired.Age));
    }

    [Fact]
    public async Task With_no_heartbeat_ever_the_rule_counts_from_when_it_was_stored()
    {
        await using var db = await OpenAsync();
        Assert.Empty(await EvaluateAsync(db, NoWorker));

        db.Clock.SetUtcNow(T0.AddMinutes(2).AddSeconds(1));
        var fired = Assert.Single(await EvaluateAsync(db, NoWorker));

        Assert.Equal((AlertStatus.Firing, (DateTimeOffset?)null, (TimeSpan?)TimeSpan.FromSeconds(121)), (fired.Status, fired.LastSeenAt, fired.Age));
    }

    private static (AlertState, int?, DateTimeOffset?) Stored(IReadOnlyList<AlertInfo> alerts)
    {
        var alert = Assert.Single(alerts);
        return (alert.State, alert.LastTotal, alert.LastSeenAt);
    }

    private static async Task<IReadOnlyList<AlertNotice>> EvaluateAsync(StoreUnderTest db, AlertDefinition rule) =>
        await new AlertEvaluation(db.Monitoring, new DatabaseClock(db.Clock)).RunAsync([rule], topErrors: 3, default) ?? [];

    private static Task StartInQueueAsync(IRunStore store, string queue, DateTimeOffset due) =>
        store.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0.AddHours(-2), due, TimeSpan.Zero) { Queue = queue }, Transaction: null), default);
}
