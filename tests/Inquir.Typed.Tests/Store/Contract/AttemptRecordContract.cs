using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>Attempt rows tell the truth: one row per attempt, of the execution it belonged to.</summary>
public abstract class AttemptRecordContract : StoreContract
{
    [Fact]
    public async Task An_attempt_that_finishes_after_its_run_was_cancelled_stays_recorded_as_cancelled_only()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);

        Assert.Equal(RunStatus.Running, (await db.History.CancelAsync(new CancelRunRequest(id, Reason: "stop", Now: T0.AddSeconds(1)), default))?.PreviousStatus);
        Assert.Empty(await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "1")], Worker: "me", Now: T0.AddSeconds(2), Notify: false), default));

        Assert.Equal([StepAttemptOutcome.Cancelled], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task An_outcome_written_again_after_its_reply_was_lost_when_another_worker_ended_the_run_since_is_recorded_once()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var first = await ClaimOneAsync(db.Runs, "first", T0);
        var failure = Failure(first, TimeSpan.Zero);

        // The failure commits but its reply is lost; the run is retried and ended by another worker before it is written again.
        Assert.Single(await db.Runs.CompleteAsync(new CompleteStepsRequest([failure], Worker: "first", Now: T0, Notify: false), default));
        var second = await ClaimOneAsync(db.Runs, "second", T0.AddSeconds(1));
        Assert.Single(await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(second, "1", last: true)], Worker: "second", Now: T0.AddSeconds(2), Notify: false), default));
        Assert.Empty(await db.Runs.CompleteAsync(new CompleteStepsRequest([failure], Worker: "first", Now: T0.AddSeconds(3), Notify: false), default));

        Assert.Equal([StepAttemptOutcome.Failed, StepAttemptOutcome.Succeeded], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task A_superseded_outcome_written_again_after_its_reply_was_lost_is_recorded_once()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var late = await ClaimOneAsync(db.Runs, "late", T0, TimeSpan.FromSeconds(10));
        await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default);

        Assert.Empty(await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(late, "1")], Worker: "late", Now: T0.AddSeconds(12), Notify: false), default));
        Assert.Empty(await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(late, "1")], Worker: "late", Now: T0.AddSeconds(13), Notify: false), default));

        Assert.Equal([StepAttemptOutcome.Abandoned, StepAttemptOutcome.Superseded], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task The_lines_an_attempt_logged_are_kept_with_it_and_read_back_in_order()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);
        const string Logs = """{"lines":[{"time":"2026-03-01T09:00:00+00:00","level":"Information","message":"charging 41","values":{"OrderId":"41"}},{"time":"2026-03-01T09:00:01+00:00","level":"Warning","message":"slow","exception":"System.TimeoutException: late"}],"dropped":3}""";

        Assert.Single(await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "1") with { Logs = Logs }], Worker: "me", Now: T0, Notify: false), default));

        var attempt = (await db.History.GetAsync(id, default))!.Steps.Single().Attempts.Single();
        Assert.Equal(["charging 41", "slow"], attempt.Logs.Select(l => l.Message));
        Assert.Equal("41", attempt.Logs[0].Values["OrderId"]);
        Assert.Equal("System.TimeoutException: late", attempt.Logs[1].Exception);
        Assert.Equal(3, attempt.DroppedLogLines);
    }

    [Fact]
    public async Task A_run_handed_back_before_its_attempt_started_leaves_no_attempt_row_and_keeps_its_attempt_count()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);

        Assert.Equal(1, await db.Runs.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(claim.Held, AttemptStarted: false)], Worker: "me", Now: T0), default));

        Assert.Empty(await db.OutcomesAsync(id));
        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Pending, 0), (run.Status, run.Attempt));
    }

    [Fact]
    public async Task A_run_handed_back_mid_attempt_records_the_attempt_as_interrupted()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);

        await db.Runs.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(claim.Held, AttemptStarted: true)], Worker: "me", Now: T0), default);

        Assert.Equal([StepAttemptOutcome.Interrupted], await db.OutcomesAsync(id));
        Assert.Equal(1, (await ClaimOneAsync(db.Runs, "next", T0)).Attempt);
    }

    [Fact]
    public async Task A_release_with_a_lease_token_that_no_longer_holds_hands_back_nothing()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        await ClaimOneAsync(db.Runs, "me", T0);

        Assert.Equal(0, await db.Runs.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(new HeldRun(id, Guid.NewGuid()), AttemptStarted: true)], Worker: "me", Now: T0), default));
        Assert.Equal(RunStatus.Running, (await db.Runs.GetRunAsync(id, default))!.Status);
    }

    [Fact]
    public async Task A_late_outcome_of_an_earlier_execution_is_recorded_with_that_execution_not_the_replay()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var zombie = await ClaimOneAsync(db.Runs, "zombie", T0, TimeSpan.FromSeconds(10));
        await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default);
        var owner = await ClaimOneAsync(db.Runs, "owner", T0.AddSeconds(11));
        Assert.True(await db.Runs.FailRunAsync(new FailRunRequest(owner.Held, Error: "broken", Now: T0.AddSeconds(12)), default));
        Assert.True(Assert.Single(await db.History.ReplayAsync(new ReplayRunsRequest([id], Now: T0.AddSeconds(13)), default)).Replayed);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(zombie, "\"late\"")], Worker: "zombie", Now: T0.AddSeconds(14), Notify: false), default);

        var history = await db.HistoryOfAsync(id);
        Assert.Equal(2, history.Execution);
        var attempts = history.Steps.SelectMany(s => s.Attempts).ToList();
        Assert.Contains(attempts, a => a.Outcome == StepAttemptOutcome.Superseded);
        Assert.All(attempts, a => Assert.Equal(1, a.Execution));
    }
}
