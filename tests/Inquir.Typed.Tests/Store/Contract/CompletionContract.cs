using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>Completions: a step is checkpointed once, outcomes are fenced by lease token, a lost reply is recognised, retries wait for their backoff.</summary>
public abstract class CompletionContract : StoreContract
{
    [Fact]
    public async Task A_completion_with_a_superseded_lease_is_refused_and_recorded_as_superseded()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs, T0);
        var zombie = await ClaimOneAsync(db.Runs, "zombie", T0, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default));
        var owner = await ClaimOneAsync(db.Runs, "owner", T0.AddSeconds(11));

        var lateWrite = await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(zombie, "\"zombie\"", last: true)], Worker: "zombie", Now: T0.AddSeconds(12), Notify: false), default);
        var ownerCompletion = Success(owner, "\"owner\"", last: true);
        var ownerWrite = await db.Runs.CompleteAsync(new CompleteStepsRequest([ownerCompletion], Worker: "owner", Now: T0.AddSeconds(12), Notify: false), default);

        Assert.Empty(lateWrite);
        Assert.Equal([ownerCompletion.CompletionId], ownerWrite);
        Assert.Equal(["\"owner\""], await db.CheckpointsAsync(id));
        Assert.Equal([StepAttemptOutcome.Abandoned, StepAttemptOutcome.Superseded, StepAttemptOutcome.Succeeded], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task A_step_s_checkpoint_cannot_be_committed_twice()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);

        var firstCompletion = Success(claim, "1");
        Assert.Equal([firstCompletion.CompletionId], await db.Runs.CompleteAsync(new CompleteStepsRequest([firstCompletion], Worker: "a", Now: T0, Notify: false), default));
        Assert.Empty(await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(claim, "2")], Worker: "a", Now: T0, Notify: false), default));

        Assert.Equal(["1"], await db.CheckpointsAsync(id));
    }

    [Fact]
    public async Task A_completed_step_is_not_run_again_the_next_claim_takes_the_next_step_with_its_input()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs, T0);
        var first = await ClaimOneAsync(db.Runs, "a", T0, TimeSpan.FromSeconds(10));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "{\"file\":\"f\"}")], Worker: "a", Now: T0, Notify: false), default);

        // The worker died during step s1: the rescue hands the run back at s1, never at s0.
        await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default);
        var next = await ClaimOneAsync(db.Runs, "b", T0.AddSeconds(11));

        Assert.Equal((1, "s1"), (next.StepIndex, next.StepName));
        Assert.True(StoreUnderTest.SameJson("{\"file\":\"f\"}", next.StepInput));
        Assert.Equal(["{\"file\":\"f\"}"], (await db.CheckpointsAsync(id)).Select(c => c.Replace(" ", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Many_completions_commit_in_one_batch()
    {
        await using var db = await OpenAsync();
        for (var i = 0; i < 50; i++)
        {
            await StartAsync(db.Runs, T0);
        }

        var claims = await db.Runs.ClaimAsync(new ClaimRequest("a", Known, 50, TimeSpan.FromSeconds(30), T0), default);
        var committed = await db.Runs.CompleteAsync(new CompleteStepsRequest(claims.Select(c => Success(c, "true", last: true)).ToList(), Worker: "a", Now: T0, Notify: true), default);

        Assert.Equal(50, committed.Count);
        foreach (var claim in claims)
        {
            var run = (await db.Runs.GetRunAsync(claim.Id, default))!;
            Assert.Equal((RunStatus.Succeeded, "true"), (run.Status, run.Result));
        }
    }

    [Fact]
    public async Task Two_outcomes_of_one_run_in_one_batch_commit_only_the_one_of_the_current_lease()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var stale = await ClaimOneAsync(db.Runs, "me", T0, TimeSpan.FromSeconds(10));
        Assert.Equal(1, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default));
        var current = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(11));

        var currentOutcome = Success(current, "\"current\"");
        var committed = await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(stale, "\"stale\""), currentOutcome], Worker: "me", Now: T0.AddSeconds(12), Notify: false), default);

        Assert.Equal([currentOutcome.CompletionId], committed);
        Assert.Equal(["\"current\""], await db.CheckpointsAsync(id));
        Assert.Equal([StepAttemptOutcome.Abandoned, StepAttemptOutcome.Superseded, StepAttemptOutcome.Succeeded], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task The_current_outcome_first_in_the_batch_and_the_stale_one_second_commit_the_same_way()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var stale = await ClaimOneAsync(db.Runs, "me", T0, TimeSpan.FromSeconds(10));
        await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default);
        var current = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(11));

        var currentOutcome = Success(current, "\"current\"");
        var committed = await db.Runs.CompleteAsync(new CompleteStepsRequest([currentOutcome, Success(stale, "\"stale\"")], Worker: "me", Now: T0.AddSeconds(12), Notify: false), default);

        Assert.Equal([currentOutcome.CompletionId], committed);
        Assert.Equal(["\"current\""], await db.CheckpointsAsync(id));
    }

    [Fact]
    public async Task A_completion_written_again_after_its_commit_reply_was_lost_is_recognised_as_committed()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);
        var outcome = Success(claim, "1");

        Assert.Equal([outcome.CompletionId], await db.Runs.CompleteAsync(new CompleteStepsRequest([outcome], Worker: "me", Now: T0, Notify: false), default));
        Assert.Equal([outcome.CompletionId], await db.Runs.CompleteAsync(new CompleteStepsRequest([outcome], Worker: "me", Now: T0, Notify: false), default));

        Assert.Equal(["1"], await db.CheckpointsAsync(id));
        Assert.Equal([StepAttemptOutcome.Succeeded], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task The_last_outcome_of_a_run_written_again_is_recognised_as_committed()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var claim = await ClaimOneAsync(db.Runs, "me", T0);
        var outcome = Success(claim, "7", last: true);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([outcome], Worker: "me", Now: T0, Notify: false), default);

        Assert.Equal([outcome.CompletionId], await db.Runs.CompleteAsync(new CompleteStepsRequest([outcome], Worker: "me", Now: T0, Notify: false), default));
        Assert.Equal(RunStatus.Succeeded, (await db.Runs.GetRunAsync(id, default))!.Status);
        Assert.Single(await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task A_failed_attempt_waits_for_its_backoff_on_the_store_s_clock_then_runs_again()
    {
        await using var db = await OpenAsync();
        var id = await StartAsync(db.Runs);
        var first = await ClaimOneAsync(db.Runs, "me", T0);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(first, TimeSpan.FromSeconds(8))], Worker: "me", Now: T0.AddSeconds(1), Notify: false), default);

        var run = (await db.Runs.GetRunAsync(id, default))!;
        Assert.Equal((RunStatus.Pending, T0.AddSeconds(9), "boom"), (run.Status, run.NextAttemptAt, run.Error));
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("me", Known, 1, TimeSpan.FromSeconds(30), T0.AddSeconds(8)), default));
        var second = await ClaimOneAsync(db.Runs, "me", T0.AddSeconds(9));
        Assert.Equal(2, second.Attempt);

        await db.Runs.CompleteAsync(new CompleteStepsRequest([Failure(second, TimeSpan.Zero, last: true)], Worker: "me", Now: T0.AddSeconds(10), Notify: false), default);
        Assert.Equal(RunStatus.Failed, (await db.Runs.GetRunAsync(id, default))!.Status);
        Assert.Equal([StepAttemptOutcome.Failed, StepAttemptOutcome.Failed], await db.OutcomesAsync(id));
    }

    [Fact]
    public async Task Renewals_and_completions_of_the_same_runs_in_opposite_orders_never_deadlock()
    {
        await using var db = await OpenAsync();
        const int Runs = 30;
        for (var i = 0; i < Runs; i++)
        {
            await StartAsync(db.Runs);
        }

        var claims = await db.Runs.ClaimAsync(new ClaimRequest("me", Known, Runs, TimeSpan.FromMinutes(5), T0), default);
        var ascending = claims.OrderBy(c => c.Id).ToList();
        var held = ascending.Select(c => c.Held).Reverse().ToList();
        using var stop = new CancellationTokenSource();
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var renewals = Task.Run(async () =>
        {
            var rounds = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal(Runs, (await db.Runs.RenewLeasesAsync(new RenewLeasesRequest(held, LeaseDuration: TimeSpan.FromMinutes(5), Now: T0), default)).Count);
                rounds++;
                renewed.TrySetResult();
            }

            return rounds;
        });

        for (var step = 0; step < 5; step++)
        {
            var order = step % 2 == 0 ? ascending : Enumerable.Reverse(ascending).ToList();
            var committed = await db.Runs.CompleteAsync(new CompleteStepsRequest(order.Select(c => Success(c, step.ToString(System.Globalization.CultureInfo.InvariantCulture), step)).ToList(), Worker: "me", Now: T0, Notify: false), default);
            Assert.Equal(Runs, committed.Count);
        }

        // A store with one writer at a time may run every completion before a renewal gets its turn: wait for one.
        await renewed.Task;
        await stop.CancelAsync();
        Assert.True(await renewals > 0);
        Assert.Equal(5, (await db.CheckpointsAsync(ascending[0].Id)).Count);
    }
}
