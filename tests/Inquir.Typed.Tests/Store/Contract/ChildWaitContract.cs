using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// Runs that wait for child runs: a waiting run holds no lease and is not claimed; the commit that ends its last
/// child makes it due; the woken step checkpoints the children's results; cancel and replay know the wait.
/// </summary>
public abstract class ChildWaitContract : StoreContract
{
    private static readonly DateTimeOffset T1 = T0.AddSeconds(1);

    [Fact]
    public async Task A_waiting_run_holds_no_lease_is_not_claimed_and_has_no_checkpoint_of_its_step()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 2);

        var committed = await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);

        Assert.Single(committed);
        var run = (await db.Runs.GetRunAsync(parent, default))!;
        Assert.Equal((RunStatus.Waiting, 0, (DateTimeOffset?)null), (run.Status, run.CurrentStepIndex, run.NextAttemptAt));
        Assert.Empty(await db.CheckpointsAsync(parent));
        var claimed = await db.Runs.ClaimAsync(new ClaimRequest("b", Known, 10, TimeSpan.FromSeconds(30), T1.AddMinutes(5)), default);
        Assert.Equal(children.Order(), claimed.Select(c => c.Id).Order());
    }

    [Fact]
    public async Task The_commit_that_ends_the_last_child_makes_the_waiting_run_due_with_its_children_in_start_order()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 3);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);

        var claims = await db.Runs.ClaimAsync(new ClaimRequest("c", Known, 3, TimeSpan.FromSeconds(30), T1), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(claims[0], parent, "1"), ChildSucceeds(claims[1], parent, "2")], Worker: "c", Now: T1, Notify: true), default);
        Assert.Equal(RunStatus.Waiting, (await db.Runs.GetRunAsync(parent, default))!.Status);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(claims[2], parent, "3")], Worker: "c", Now: T1, Notify: true), default);

        var run = (await db.Runs.GetRunAsync(parent, default))!;
        Assert.Equal((RunStatus.Pending, T1), (run.Status, run.NextAttemptAt));
        var woken = await ClaimOneAsync(db.Runs, "a", T1);
        Assert.Equal((parent, 0, 2), (woken.Id, woken.StepIndex, woken.Attempt));
        Assert.Equal(children, woken.AwaitedRuns);
    }

    [Fact]
    public async Task A_child_ending_in_the_same_batch_as_its_parent_parks_wakes_the_parent()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        var child = await ClaimOneAsync(db.Runs, "a", T1);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children), ChildSucceeds(child, parent, "7")], Worker: "a", Now: T1, Notify: true), default);

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(parent, default))!.Status);
    }

    [Fact]
    public async Task A_run_whose_children_ended_before_it_parked_is_due_at_once()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        var child = await ClaimOneAsync(db.Runs, "b", T1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(child, parent, "7")], Worker: "b", Now: T1, Notify: true), default);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T1, Notify: true), default);

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(parent, default))!.Status);
    }

    [Fact]
    public async Task A_failed_child_wakes_its_parent_as_a_succeeded_one_does()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);
        var child = await ClaimOneAsync(db.Runs, "b", T1);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(child, TimeSpan.Zero, last: true) with { ParentRunId = parent }], Worker: "b", Now: T1, Notify: true), default);

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(parent, default))!.Status);
    }

    [Fact]
    public async Task A_child_failed_without_an_attempt_wakes_its_parent()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);
        var child = await ClaimOneAsync(db.Runs, "b", T1);

        Assert.True(await db.Runs.FailRunAsync(new FailRunRequest(child.Held, Error: "its checkpoint is missing", Now: T1), default));

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(parent, default))!.Status);
    }

    [Fact]
    public async Task The_woken_step_checkpoints_the_children_s_results_and_the_next_step_takes_them()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(await ClaimOneAsync(db.Runs, "b", T1), parent, "5")], Worker: "b", Now: T1, Notify: true), default);
        var woken = await ClaimOneAsync(db.Runs, "a", T1);

        var resolved = Success(woken, "[5]");
        Assert.Single(await db.Runs.CompleteAsync(new CompleteStepsRequest([resolved], Worker: "a", Now: T1, Notify: false), default));

        Assert.Equal(["[5]"], await db.CheckpointsAsync(parent));
        var run = (await db.Runs.GetRunAsync(parent, default))!;
        Assert.Equal((RunStatus.Running, 1), (run.Status, run.CurrentStepIndex));
    }

    [Fact]
    public async Task Cancelling_a_waiting_run_cancels_its_children_that_have_not_ended_and_leaves_the_ended_ones()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 3);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);
        var claims = await db.Runs.ClaimAsync(new ClaimRequest("b", Known, 2, TimeSpan.FromSeconds(30), T1), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(claims[0], parent, "1")], Worker: "b", Now: T1, Notify: true), default);
        var running = claims[1].Id;

        var cancel = await db.History.CancelAsync(new CancelRunRequest(parent, Reason: "stop", Now: T1), default);

        // The parent and its two unended children, each named for the cancelled-runs metric.
        Assert.Equal(RunStatus.Waiting, cancel?.PreviousStatus);
        Assert.Equal(["w", "w", "w"], cancel!.CancelledWorkflows);
        var statuses = new Dictionary<Guid, RunStatus>();
        foreach (var id in children.Append(parent))
        {
            statuses[id] = (await db.Runs.GetRunAsync(id, default))!.Status;
        }

        Assert.Equal(RunStatus.Cancelled, statuses[parent]);
        Assert.Equal(RunStatus.Succeeded, statuses[claims[0].Id]);
        Assert.Equal(RunStatus.Cancelled, statuses[running]);
        Assert.Equal(RunStatus.Cancelled, statuses[children.Single(c => c != claims[0].Id && c != running)]);
        Assert.Contains(StepAttemptOutcome.Cancelled, await db.OutcomesAsync(running));
        Assert.Contains(parent.ToString("D"), (await db.Runs.GetRunAsync(running, default))!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_last_unended_child_makes_its_waiting_parent_due()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);

        Assert.Equal(RunStatus.Pending, (await db.History.CancelAsync(new CancelRunRequest(children[0], Reason: "not needed", Now: T1), default))?.PreviousStatus);

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(parent, default))!.Status);
    }

    [Fact]
    public async Task A_replayed_run_that_had_waited_runs_its_waiting_step_again_instead_of_taking_the_old_children()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);
        await db.History.CancelAsync(new CancelRunRequest(parent, Reason: "stop", Now: T1), default);

        await db.History.ReplayAsync(new ReplayRunsRequest([parent], Now: T1), default);

        var replayed = await ClaimOneAsync(db.Runs, "a", T1);
        Assert.Equal((parent, 0, (IReadOnlyList<Guid>?)null), (replayed.Id, replayed.StepIndex, replayed.AwaitedRuns));
    }

    [Fact]
    public async Task Two_parents_awaiting_one_run_that_is_a_child_of_neither_both_wake_when_it_ends()
    {
        await using var db = await OpenAsync();
        var first = await StartParentAsync(db);
        var second = await StartParentAsync(db);
        var awaited = await StartAsync(db.Runs, T1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(first.Claim, [awaited]), Waiting(second.Claim, [awaited])], Worker: "a", Now: T0, Notify: true), default);
        var claim = await ClaimOneAsync(db.Runs, "b", T1);
        Assert.Equal(awaited, claim.Id);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "7", last: true)], Worker: "b", Now: T1, Notify: true), default);

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(first.Parent, default))!.Status);
        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(second.Parent, default))!.Status);
    }

    [Fact]
    public async Task A_run_awaited_by_its_parent_and_by_another_run_wakes_both()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var other = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(claim, children)], Worker: "a", Now: T0, Notify: true), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(other.Claim, children)], Worker: "a", Now: T0, Notify: true), default);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(await ClaimOneAsync(db.Runs, "b", T1), parent, "7")], Worker: "b", Now: T1, Notify: true), default);

        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(parent, default))!.Status);
        Assert.Equal(RunStatus.Pending, (await db.Runs.GetRunAsync(other.Parent, default))!.Status);
    }

    [Fact]
    public async Task Cancelling_a_running_run_cancels_the_children_its_step_started_and_theirs()
    {
        await using var db = await OpenAsync();
        var (parent, _) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 2);
        var grandchild = await StartChildrenAsync(db, children[0], 1);

        var cancel = await db.History.CancelAsync(new CancelRunRequest(parent, Reason: "stop", Now: T1), default);

        Assert.Equal(RunStatus.Running, cancel?.PreviousStatus);
        foreach (var id in children.Concat(grandchild))
        {
            var run = (await db.Runs.GetRunAsync(id, default))!;
            Assert.Equal((id, RunStatus.Cancelled), (id, run.Status));
            Assert.Contains(parent.ToString("D"), run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_run_that_fails_for_good_cancels_its_unended_children_and_their_waiting_children_and_leaves_the_ended_ones()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 3);
        var claims = await db.Runs.ClaimAsync(new ClaimRequest("b", Known, 3, TimeSpan.FromSeconds(30), T1), default);
        var ended = claims.Single(c => c.Id == children[0]);
        var waiting = claims.Single(c => c.Id == children[1]);
        var running = claims.Single(c => c.Id == children[2]);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([ChildSucceeds(ended, parent, "1")], Worker: "b", Now: T1, Notify: true), default);
        var grandchildren = await StartChildrenAsync(db, waiting.Id, 1);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Waiting(waiting, grandchildren) with { ParentRunId = parent }], Worker: "b", Now: T1, Notify: true), default);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(claim, TimeSpan.Zero, last: true)], Worker: "a", Now: T1, Notify: true), default);

        Assert.Equal(RunStatus.Failed, (await db.Runs.GetRunAsync(parent, default))!.Status);
        Assert.Equal(RunStatus.Succeeded, (await db.Runs.GetRunAsync(ended.Id, default))!.Status);
        foreach (var id in new[] { waiting.Id, running.Id, grandchildren[0] })
        {
            var run = (await db.Runs.GetRunAsync(id, default))!;
            Assert.Equal((id, RunStatus.Cancelled), (id, run.Status));
            Assert.Contains(parent.ToString("D"), run.Error, StringComparison.Ordinal);
        }

        Assert.Contains(StepAttemptOutcome.Cancelled, await db.OutcomesAsync(running.Id));
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("c", Known, 10, TimeSpan.FromSeconds(30), T1.AddMinutes(5)), default));
    }

    [Fact]
    public async Task A_run_failed_without_an_attempt_cancels_its_unended_children()
    {
        await using var db = await OpenAsync();
        var (parent, claim) = await StartParentAsync(db);
        var children = await StartChildrenAsync(db, parent, 1);

        Assert.True(await db.Runs.FailRunAsync(new FailRunRequest(claim.Held, Error: "its checkpoint is missing", Now: T1), default));

        Assert.Equal(RunStatus.Cancelled, (await db.Runs.GetRunAsync(children[0], default))!.Status);
    }

    private static async Task<(Guid Parent, ClaimedRun Claim)> StartParentAsync(StoreUnderTest db)
    {
        var parent = await StartAsync(db.Runs, T0);
        return (parent, await ClaimOneAsync(db.Runs, "a", T0));
    }

    // Children are due a second after the parent, so that a claim at T0 takes only the parent.
    private static async Task<Guid[]> StartChildrenAsync(StoreUnderTest db, Guid parent, int count)
    {
        var children = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var run = new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"part\":" + i + "}"), $"{parent:D}:child:{i}", parent, T0, T1, TimeSpan.Zero);
            children[i] = (await db.Runs.StartRunAsync(new StartRunRequest(run, Transaction: null), default)).Id;
        }

        return children;
    }

    private static StepCompletion Waiting(ClaimedRun claim, Guid[] children) =>
        Success(claim, "null") with { Output = null, NextStatus = RunStatus.Waiting, NextStepName = null, AwaitedRuns = children };

    private static StepCompletion ChildSucceeds(ClaimedRun child, Guid parent, string result) =>
        Success(child, result, last: true) with { ParentRunId = parent };
}
