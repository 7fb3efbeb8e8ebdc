using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// The monitoring queries: failure-rate alerts evaluated from the store fire once however many evaluators run and
/// resolve when the rate falls, their notices kept for delivery under a lease, the backlog the gauges and health
/// checks read, and the database check's ping.
/// </summary>
public abstract class MonitoringContract : StoreContract
{
    private static readonly AlertDefinition Rule = new("w-failing", "w", null, ThresholdPercent: 50, ResolvePercent: 40, TimeSpan.FromMinutes(10), MinimumCount: 4);

    [Fact]
    public async Task An_alert_fires_once_however_many_evaluators_run_and_resolves_when_the_rate_falls()
    {
        await using var db = await OpenAsync();
        await FinishAsync(db, failed: 3, succeeded: 1, T0);
        db.Clock.SetUtcNow(T0.AddMinutes(1));

        var firing = await EvaluateTogetherAsync(db);

        var fired = Assert.Single(firing);
        Assert.Equal((AlertStatus.Firing, 3, 4, 75d), (fired.Status, fired.Failures, fired.Total, fired.RatePercent));
        Assert.Equal([new AlertError("boom", 3)], fired.TopErrors);
        Assert.Equal(T0.AddMinutes(1), fired.StartsAt);
        var stored = Assert.Single(await db.Monitoring.ListAlertsAsync(default));
        Assert.Equal((AlertState.Firing, T0.AddMinutes(1)), (stored.State, stored.Since));
        Assert.Empty(await EvaluateTogetherAsync(db));

        await FinishAsync(db, failed: 0, succeeded: 6, T0.AddMinutes(1));
        db.Clock.SetUtcNow(T0.AddMinutes(2));

        var resolved = Assert.Single(await EvaluateTogetherAsync(db));
        Assert.Equal((AlertStatus.Resolved, T0.AddMinutes(1), T0.AddMinutes(2)), (resolved.Status, resolved.StartsAt, resolved.EndsAt));
        Assert.Equal(AlertState.Ok, Assert.Single(await db.Monitoring.ListAlertsAsync(default)).State);
    }

    [Fact]
    public async Task Under_the_minimum_count_no_alert_fires_and_no_rate_is_stored()
    {
        await using var db = await OpenAsync();
        await FinishAsync(db, failed: 3, succeeded: 0, T0);
        db.Clock.SetUtcNow(T0.AddMinutes(1));

        Assert.Empty(await EvaluateTogetherAsync(db));

        var stored = Assert.Single(await db.Monitoring.ListAlertsAsync(default));
        Assert.Equal((AlertState.Ok, null, 3, 3), (stored.State, stored.LastRatePercent, stored.LastFailures, stored.LastTotal));
    }

    [Fact]
    public async Task A_state_change_keeps_its_notice_which_one_worker_at_a_time_holds_until_its_lease_runs_out()
    {
        await using var db = await OpenAsync();
        await FinishAsync(db, failed: 4, succeeded: 0, T0);
        db.Clock.SetUtcNow(T0.AddMinutes(1));
        var fired = Assert.Single(await EvaluateTogetherAsync(db));
        var (first, second, lease) = (Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromMinutes(1));

        var claimed = Assert.Single(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(first, Lease: lease, Now: db.Clock.GetUtcNow()), default));
        Assert.Equal((fired.Id, fired.Rule, fired.Status, fired.Failures, fired.Total, fired.StartsAt), (claimed.Notice.Id, claimed.Notice.Rule, claimed.Notice.Status, claimed.Notice.Failures, claimed.Notice.Total, claimed.Notice.StartsAt));
        Assert.Equal(fired.TopErrors, claimed.Notice.TopErrors);
        Assert.Empty(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(second, Lease: lease, Now: db.Clock.GetUtcNow()), default));
        Assert.True(await db.Monitoring.RecordAlertNoticeSinkAsync(new RecordNoticeSinkRequest(first, NoticeId: fired.Id, Sink: "pager", Lease: lease, Now: db.Clock.GetUtcNow()), default));

        // The first worker stopped mid-send: once its lease ran out the second claims the notice, knowing what the pager took.
        db.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        var reclaimed = Assert.Single(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(second, Lease: lease, Now: db.Clock.GetUtcNow()), default));
        Assert.Equal("pager", Assert.Single(reclaimed.DeliveredTo));
        Assert.False(await db.Monitoring.RecordAlertNoticeSinkAsync(new RecordNoticeSinkRequest(first, NoticeId: fired.Id, Sink: "log", Lease: lease, Now: db.Clock.GetUtcNow()), default));
        await db.Monitoring.FinishAlertNoticeAsync(new FinishNoticeRequest(second, NoticeId: fired.Id, RetryIn: null, Problem: null, Now: db.Clock.GetUtcNow()), default);

        db.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        Assert.Empty(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(first, Lease: lease, Now: db.Clock.GetUtcNow()), default));
    }

    [Fact]
    public async Task A_refused_notice_is_due_again_after_its_delay_and_old_notices_are_deleted()
    {
        await using var db = await OpenAsync();
        await FinishAsync(db, failed: 4, succeeded: 0, T0);
        db.Clock.SetUtcNow(T0.AddMinutes(1));
        var fired = Assert.Single(await EvaluateTogetherAsync(db));
        var (owner, lease) = (Guid.NewGuid(), TimeSpan.FromMinutes(1));
        Assert.Single(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(owner, Lease: lease, Now: db.Clock.GetUtcNow()), default));

        await db.Monitoring.FinishAlertNoticeAsync(new FinishNoticeRequest(owner, NoticeId: fired.Id, RetryIn: TimeSpan.FromSeconds(10), Problem: "the pager is down", Now: db.Clock.GetUtcNow()), default);

        Assert.Empty(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(owner, Lease: lease, Now: db.Clock.GetUtcNow()), default));
        db.Clock.Advance(TimeSpan.FromSeconds(10));
        var again = Assert.Single(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(owner, Lease: lease, Now: db.Clock.GetUtcNow()), default));
        Assert.Equal((fired.Id, 1), (again.Notice.Id, again.Attempts));
        Assert.Equal(0, await db.Monitoring.DeleteOldAlertNoticesAsync(new DeleteOldNoticesRequest(TimeSpan.FromDays(1), Now: db.Clock.GetUtcNow()), default));
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await db.Monitoring.DeleteOldAlertNoticesAsync(new DeleteOldNoticesRequest(TimeSpan.FromDays(1), Now: db.Clock.GetUtcNow()), default));
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await db.Monitoring.ClaimAlertNoticesAsync(new ClaimNoticesRequest(owner, Lease: lease, Now: db.Clock.GetUtcNow()), default));
    }

    [Fact]
    public async Task The_backlog_counts_due_unclaimed_runs_and_how_long_the_oldest_waited()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs, T0.AddSeconds(-200));
        await ClaimOneAsync(db.Runs, "me", T0);
        await StartAsync(db.Runs, T0.AddSeconds(-90));
        await StartAsync(db.Runs, T0.AddSeconds(-30));
        await StartAsync(db.Runs, T0.AddSeconds(60));

        var backlog = await db.Monitoring.BacklogAsync(default);

        Assert.Equal(new Backlog(2, TimeSpan.FromSeconds(90)), backlog);
    }

    [Fact]
    public async Task The_ping_finds_the_runtime_tables()
    {
        await using var db = await OpenAsync();

        Assert.True(await db.Monitoring.PingAsync(default));
    }

    // Two evaluators at once, as two processes would run them; the notices of both together.
    private static async Task<IReadOnlyList<AlertNotice>> EvaluateTogetherAsync(StoreUnderTest db)
    {
        var evaluations = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            new AlertEvaluation(db.Monitoring, new DatabaseClock(db.Clock)).RunAsync([Rule], topErrors: 3, default))));
        return evaluations.SelectMany(n => n ?? []).ToList();
    }

    // Runs of "w" that finished at the given time: each started, claimed and completed through the store.
    private static async Task FinishAsync(StoreUnderTest db, int failed, int succeeded, DateTimeOffset at)
    {
        for (var i = 0; i < failed + succeeded; i++)
        {
            await StartAsync(db.Runs, at.AddSeconds(-10));
            var claim = await ClaimOneAsync(db.Runs, "me", at.AddSeconds(-5));
            var completion = i < failed ? Failure(claim, TimeSpan.Zero, last: true) : Success(claim, "1", stepIndex: 0, last: true);
            await db.Runs.CompleteAsync(new CompleteStepsRequest([completion], Worker: "me", Now: at, Notify: false), default);
        }
    }
}
