using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>History and operations: cancel, replay, restart, search, retention, failure summary and schedules.</summary>
public abstract class HistoryContract : StoreContract
{
    [Fact]
    public async Task Cancel_stops_a_pending_run_and_leaves_a_finished_one_alone()
    {
        await using var db = await OpenAsync();
        var pending = await StartAsync(db.Runs);

        Assert.Equal(RunStatus.Pending, (await db.History.CancelAsync(new CancelRunRequest(pending, Reason: "no longer wanted", Now: T0), default))?.PreviousStatus);
        Assert.Equal(RunStatus.Cancelled, (await db.History.CancelAsync(new CancelRunRequest(pending, Reason: "again", Now: T0), default))?.PreviousStatus);
        Assert.Null(await db.History.CancelAsync(new CancelRunRequest(Guid.NewGuid(), Reason: "none", Now: T0), default));

        var run = (await db.Runs.GetRunAsync(pending, default))!;
        Assert.Equal((RunStatus.Cancelled, "no longer wanted"), (run.Status, run.Error));
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 10, TimeSpan.FromSeconds(30), T0), default));
    }

    [Fact]
    public async Task Replay_runs_a_failed_run_again_from_its_failed_step_keeping_its_checkpoints()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var first = await ClaimOneAsync(db.Runs, "me", T0);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "1")], Worker: "me", Now: T0, Notify: false), default);
        var second = new ClaimedRun(first.Id, "w", 1, 1, first.LeaseToken, null, "1", "s1");
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(second, TimeSpan.Zero, last: true)], Worker: "me", Now: T0, Notify: false), default);

        var replayed = await db.History.ReplayAsync(new ReplayRunsRequest([id, Guid.NewGuid()], Now: T0.AddSeconds(5)), default);

        Assert.Equal([(id, RunStatus.Failed, true)], replayed.Select(r => (r.Id, r.Status, r.Replayed)));
        var claim = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(5));
        Assert.Equal((1, 1, 2), (claim.StepIndex, claim.Attempt, claim.Execution));
        Assert.Equal(["1"], await db.CheckpointsAsync(id));
        Assert.Equal((false, RunStatus.Succeeded), Single(await db.History.ReplayAsync(new ReplayRunsRequest([Guid.NewGuid(), await SucceededRunAsync(db)], Now: T0), default)));
    }

    [Fact]
    public async Task Restart_starts_a_finished_run_again_from_its_input_as_a_new_linked_run()
    {
        await using var db = await OpenAsync();
        var original = await SucceededRunAsync(db);

        var restarted = await db.History.RestartAsync(new RestartRunRequest(original, NewRunId: Guid.NewGuid(), Now: T0.AddMinutes(1)), default);
        var unfinished = await db.History.RestartAsync(new RestartRunRequest(await StartAsync(db.Runs), NewRunId: Guid.NewGuid(), Now: T0), default);

        Assert.NotNull(restarted);
        Assert.Null(unfinished);
        var run = (await db.Runs.GetRunAsync(restarted.Value, default))!;
        Assert.Equal(RunStatus.Pending, run.Status);
        Assert.True(StoreUnderTest.SameJson("{\"n\":1}", run.Input));
        Assert.Equal([restarted.Value], (await db.HistoryOfAsync(original)).Restarts.Select(r => r.Id));
        Assert.Equal(original, (await db.HistoryOfAsync(restarted.Value)).RestartedFromRunId);
    }

    [Fact]
    public async Task Search_filters_by_status_workflow_error_text_and_json_input_newest_first()
    {
        await using var db = await OpenAsync();
        var a = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.CreateVersion7(T0), "w", Utf8.Json("{\"user\":{\"id\":7,\"tags\":[\"x\",\"y\"]},\"n\":1}"), "ka", null, T0, T0, TimeSpan.Zero), Transaction: null), default);
        var b = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.CreateVersion7(T0.AddSeconds(1)), "w", Utf8.Json("{\"user\":{\"id\":8},\"n\":1}"), null, null, T0.AddSeconds(1), T0, TimeSpan.Zero), Transaction: null), default);
        await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.CreateVersion7(T0.AddSeconds(2)), "v", Utf8.Json("{\"user\":{\"id\":7}}"), null, null, T0.AddSeconds(2), T0.AddHours(1), TimeSpan.Zero), Transaction: null), default);
        await db.History.CancelAsync(new CancelRunRequest(b.Id, Reason: "Upload FAILED: 50% of the_file", Now: T0.AddSeconds(3)), default);

        Assert.Equal([b.Id, a.Id], await IdsAsync(db, Search() with { Workflow = "w" }));
        Assert.Equal([b.Id], await IdsAsync(db, Search() with { Status = RunStatus.Cancelled }));
        Assert.Equal([b.Id], await IdsAsync(db, Search() with { ErrorPattern = "%upload failed: 50\\%%" }));
        Assert.Empty(await IdsAsync(db, Search() with { ErrorPattern = "%5\\_%" }));
        Assert.Equal([a.Id], await IdsAsync(db, Search() with { InputContains = "{\"user\":{\"id\":7,\"tags\":[\"y\"]}}" }));
        Assert.Equal(2, (await IdsAsync(db, Search() with { InputContains = "{\"user\":{\"id\":7}}" })).Count);
        Assert.Equal([a.Id], await IdsAsync(db, Search() with { IdempotencyKey = "ka" }));
        Assert.Equal([a.Id], await IdsAsync(db, Search() with { Until = T0.AddMilliseconds(500) }));
        Assert.Equal([a.Id], await IdsAsync(db, Search() with { Workflow = "w", AfterCreatedAt = T0.AddSeconds(1), AfterId = b.Id }));
    }

    [Fact]
    public async Task Retention_deletes_old_finished_runs_without_a_parent_and_keeps_the_rest()
    {
        await using var db = await OpenAsync();
        var old = await SucceededRunAsync(db);
        var parent = await SucceededRunAsync(db);
        var child = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "child", parent, T0, T0, TimeSpan.Zero), Transaction: null), default);
        await db.History.CancelAsync(new CancelRunRequest(child.Id, Reason: "done", Now: T0), default);
        var pending = await StartAsync(db.Runs);

        Assert.Equal(0, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest([RunStatus.Succeeded], Age: TimeSpan.Zero, Limit: 100, Now: T0), default));
        Assert.Equal(2, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest([RunStatus.Succeeded], Age: TimeSpan.Zero, Limit: 100, Now: T0.AddSeconds(1)), default));

        Assert.Null(await db.Runs.GetRunAsync(old, default));
        Assert.NotNull(await db.Runs.GetRunAsync(pending, default));
        var orphan = (await db.Runs.GetRunAsync(child.Id, default))!;
        Assert.Null(orphan.ParentRunId);
        Assert.Equal(1, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest([RunStatus.Succeeded, RunStatus.Cancelled], Age: TimeSpan.FromSeconds(1), Limit: 100, Now: T0.AddSeconds(2)), default));
    }

    [Fact]
    public async Task The_failure_summary_groups_failed_attempts_by_workflow_step_and_error()
    {
        await using var db = await OpenAsync();
        for (var i = 0; i < 2; i++)
        {
            await StartAsync(db.Runs);
            var claim = await ClaimOneAsync(db.Runs, "me", T0);
            await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(claim, TimeSpan.FromSeconds(1))], Worker: "me", Now: T0.AddSeconds(i), Notify: false), default);
        }

        var group = Assert.Single(await db.History.FailuresAsync(new FailureSummaryRequest(T0.AddHours(-1), Until: T0.AddHours(1), Workflow: null, Limit: 10), default));

        Assert.Equal(("w", "s0", "System.InvalidOperationException", 2L, 2L, "boom"), (group.Workflow, group.Step, group.ErrorType, group.Failures, group.Runs, group.LastMessage));
        Assert.Empty(await db.History.FailuresAsync(new FailureSummaryRequest(T0.AddHours(-1), Until: T0.AddHours(1), Workflow: "other", Limit: 10), default));
    }

    private static (bool Replayed, RunStatus Status) Single(IReadOnlyList<ReplayRow> rows)
    {
        var row = Assert.Single(rows);
        return (row.Replayed, row.Status);
    }

    private static SearchRunsRequest Search() => new(null, null, null, null, null, null, null, null, null, null, 50);

    private static async Task<IReadOnlyList<Guid>> IdsAsync(StoreUnderTest db, SearchRunsRequest search) =>
        (await db.History.SearchAsync(search, default)).Select(r => r.Id).ToList();

    private static async Task<Guid> SucceededRunAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs);
        var claim = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 1, TimeSpan.FromSeconds(30), T0), default), c => c.Id == id);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "1", last: true)], Worker: "me", Now: T0, Notify: false), default);
        return id;
    }
}
