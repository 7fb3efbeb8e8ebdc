using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Runtime;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.TestWorker;
using Inquir.Typed.Worker;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// A run follows the steps it was started with: the start records them, and a worker of another build decides
/// "next step or done" from them. The two builds are the "two-builds" workflow's: the older one (the test worker's)
/// has Fetch and Double, the newer one adds Publish.
/// </summary>
public abstract class RunShapeContract : StoreContract
{
    private static readonly WorkflowDescriptor Older = TwoBuildsWorkflow.InquirDescriptor;
    private static readonly WorkflowDescriptor Newer = TwoBuildsNewerWorkflow.InquirDescriptor;

    [Fact]
    public async Task A_run_started_with_three_steps_and_completed_at_the_second_by_a_worker_of_two_ends_pending_at_the_third()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs, Newer);

        await CompleteAsync(db.Runs, Older, "\"fetched\"");
        await CompleteAsync(db.Runs, Older, "\"doubled\"");

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Pending, 2, "Publish", null), (run.Status, run.CurrentStepIndex, run.CurrentStep, run.Result));
        Assert.Equal(["\"fetched\"", "\"doubled\""], (await db.CheckpointsAsync(id)).Select(c => c.Replace(" ", string.Empty, StringComparison.Ordinal)));
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("older", KnownOf(Older), 10, TimeSpan.FromSeconds(30), T0), default));
        Assert.Equal("waiting for a worker that knows step 'Publish' (step 3) of workflow 'two-builds'; a worker of another deployment does not run it", run.Error);
        Assert.Empty(await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(KnownOf(Older), Now: T0, Limit: 100), default));

        var claim = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("newer", KnownOf(Newer), 10, TimeSpan.FromSeconds(30), T0), default));
        Assert.Equal((id, 2, "Publish", 1), (claim.Id, claim.StepIndex, claim.StepName, claim.Attempt));
        Assert.True(StoreUnderTest.SameJson("\"doubled\"", claim.StepInput));
    }

    [Fact]
    public async Task A_worker_of_the_newer_build_ends_a_run_of_the_older_build_after_the_older_build_s_last_step()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs, Older);

        await CompleteAsync(db.Runs, Newer, "\"fetched\"");
        await CompleteAsync(db.Runs, Newer, "\"doubled\"");

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.CurrentStepIndex));
        Assert.True(StoreUnderTest.SameJson("\"doubled\"", run.Result));
    }

    [Fact]
    public async Task A_start_records_the_run_s_steps_by_workflow_and_fingerprint()
    {
        await using var db = await OpenAsync();
        await StartAsync(db.Runs, Newer);
        var claim = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("older", KnownOf(Older), 10, TimeSpan.FromSeconds(30), T0), default));

        Assert.Equal(Newer.Shape.Fingerprint, claim.Shape);
        Assert.Equal(["Fetch", "Double", "Publish"], await db.Runs.GetShapeAsync(new GetRunShapeRequest("two-builds", Shape: Newer.Shape.Fingerprint), default));
        Assert.Null(await db.Runs.GetShapeAsync(new GetRunShapeRequest("two-builds", Shape: Older.Shape.Fingerprint), default));
        Assert.Null(await db.Runs.GetShapeAsync(new GetRunShapeRequest("another", Shape: Newer.Shape.Fingerprint), default));
    }

    [Fact]
    public async Task A_run_started_without_a_shape_follows_the_steps_of_the_worker_that_holds_it()
    {
        await using var db = await OpenAsync();
        var id = (await db.Runs.StartRunAsync(new StartRunRequest(NewRunOf(Newer) with { Shape = null }, Transaction: null), default)).Id;

        await CompleteAsync(db.Runs, Older, "\"fetched\"");
        await CompleteAsync(db.Runs, Older, "\"doubled\"");

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.CurrentStepIndex));
    }

    [Fact]
    public async Task Bulk_starts_record_each_run_s_shape()
    {
        await using var db = await OpenAsync();
        var runs = new[] { Newer, Older, Newer }.Select(d => NewRunOf(d)).ToList();

        await db.Runs.StartRunsAsync(new StartRunsRequest(runs, Transaction: null), default);
        var claims = await db.Runs.ClaimAsync(new ClaimRequest("any", KnownOf(Newer), 10, TimeSpan.FromSeconds(30), T0), default);

        Assert.Equal(runs.Select(r => (r.Id, (long?)r.Shape!.Fingerprint)).Order(), claims.Select(c => (c.Id, c.Shape)).Order());
        Assert.Equal(["Fetch", "Double"], await db.Runs.GetShapeAsync(new GetRunShapeRequest("two-builds", Shape: Older.Shape.Fingerprint), default));
        Assert.Equal(["Fetch", "Double", "Publish"], await db.Runs.GetShapeAsync(new GetRunShapeRequest("two-builds", Shape: Newer.Shape.Fingerprint), default));
    }

    [Fact]
    public async Task A_restarted_run_follows_the_steps_the_original_was_started_with()
    {
        await using var db = await OpenAsync();
        var original = await StartAsync(db.Runs, Newer);
        var claim = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("newer", KnownOf(Newer), 10, TimeSpan.FromSeconds(30), T0), default));
        await db.Runs.FailRunAsync(new FailRunRequest(claim.Held, Error: "gave up", Now: T0), default);

        var restarted = (await db.History.RestartAsync(new RestartRunRequest(original, NewRunId: Guid.NewGuid(), Now: T0), default))!.Value;

        // The restarted run names its first step, so a build whose first step is another leaves it alone.
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("other", new KnownSteps([("two-builds", ["Other"])]), 10, TimeSpan.FromSeconds(30), T0), default));
        var again = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("older", KnownOf(Older), 10, TimeSpan.FromSeconds(30), T0), default));
        Assert.Equal((restarted, "Fetch", (long?)Newer.Shape.Fingerprint), (again.Id, again.StepName, again.Shape));
    }

    private static KnownSteps KnownOf(WorkflowDescriptor workflow) => new([(workflow.Name, workflow.Steps.Select(s => s.Name).ToArray())]);

    private static NewRun NewRunOf(WorkflowDescriptor workflow) =>
        new(Guid.NewGuid(), workflow.Name, Utf8.Json("1"), null, null, T0, T0, TimeSpan.Zero, workflow.Steps[0].Name) { Shape = workflow.Shape };

    private static async Task<Guid> StartAsync(IRunStore store, WorkflowDescriptor startedWith) =>
        (await store.StartRunAsync(new StartRunRequest(NewRunOf(startedWith), Transaction: null), default)).Id;

    // What a worker of the build `worker` does with the run it claims: it looks up the run's steps when they are not
    // its own, succeeds at the claimed step, and commits where the decision sends the run.
    private static async Task CompleteAsync(IRunStore store, WorkflowDescriptor worker, string output)
    {
        var claim = Assert.Single(await store.ClaimAsync(new ClaimRequest("worker", KnownOf(worker), 1, TimeSpan.FromSeconds(30), T0), default));
        var runSteps = claim.Shape is { } shape && shape != worker.Shape.Fingerprint ? await store.GetShapeAsync(new GetRunShapeRequest(worker.Name, Shape: shape), default) : null;
        var attempt = new AttemptOf(claim.Held, claim.Execution, worker, claim.StepIndex, worker.Steps[claim.StepIndex].Policy, claim.Attempt, null, runSteps);
        var completion = StepDecision.Decide(attempt, AttemptResult.Success(output, TimeSpan.FromMilliseconds(2)), new RetryDelayTests.FixedRandom(1));
        Assert.Single(await store.CompleteAsync(new CompleteStepsRequest([completion], Worker: "worker", Now: T0, Notify: false), default));

        // A decision to go on with the run is a claim this worker keeps: release it, so that the next call claims it.
        if (completion.NextStatus == RunStatus.Running)
        {
            await store.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(claim.Held, AttemptStarted: false)], Worker: "worker", Now: T0), default);
        }
    }
}
