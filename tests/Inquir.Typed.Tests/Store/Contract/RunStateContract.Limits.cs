using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Store;
using static Inquir.Typed.Tests.Store.LimitSteps;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>The transitions of concurrency and rate limits (docs/run-states.md), on both stores.</summary>
public abstract partial class RunStateContract
{
    private static async Task HoldAtALimitCaseAsync(StoreUnderTest db)
    {
        await StartAsync(db.Runs, T0);
        var held = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, Concurrency(1), "a", 5, T0.AddMilliseconds(1)));

        var run = await db.Runs.GetRunAsync(held, default);
        Assert.Equal((RunStatus.Held, 0), (run!.Status, run.Attempt));

        // Out of the claim's reach: a worker that knows no limit does not take it either.
        Assert.Empty(await db.Runs.ClaimAsync(new ClaimRequest("plain", Known, 5, TimeSpan.FromSeconds(30), T0.AddDays(1)), default));
    }

    private static async Task DelayForARateCaseAsync(StoreUnderTest db)
    {
        await StartAsync(db.Runs, T0);
        var delayed = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, Rate(1, TimeSpan.FromSeconds(10)), "a", 5, T0.AddMilliseconds(1)));

        var run = await db.Runs.GetRunAsync(delayed, default);
        Assert.Equal(RunStatus.Pending, run!.Status);
        Assert.InRange(run.NextAttemptAt!.Value, T0.AddSeconds(9), T0.AddSeconds(11));
    }

    private static async Task UnholdCaseAsync(StoreUnderTest db)
    {
        var limits = Concurrency(1);
        await StartAsync(db.Runs, T0);
        var held = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        var first = Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, limits, "a", 5, T0.AddMilliseconds(1)));
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "{}", last: true).Holding(first)], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default);

        // The claim after the slot freed makes the held run due again at the time it was due, and the next claims it.
        await LimitSteps.ClaimAsync(db.Runs, limits, "b", 1, T0.AddSeconds(1));
        var run = await db.Runs.GetRunAsync(held, default);
        Assert.True(run!.Status is RunStatus.Pending or RunStatus.Running, $"{run.Status}");
        Assert.Null(run.HeldBy);
        Assert.Contains(held, (await LimitSteps.ClaimAllAsync(db.Runs, limits, "b", 5, T0.AddSeconds(1))).Select(c => c.Id).Append(run.Status == RunStatus.Running ? held : Guid.Empty));
    }

    private static async Task SucceedIntoALimitCaseAsync(StoreUnderTest db)
    {
        var limits = Concurrency(1, step: 1);
        var id = await StartAsync(db.Runs, T0);
        var claim = Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, limits, "a", 5, T0));
        Assert.False(claim.HoldsSlots);
        var into = Success(claim, "{\"a\":1}") with { NextStatus = RunStatus.Pending, RetryDelay = TimeSpan.Zero };

        Assert.Single(await db.Runs.CompleteAsync(new CompleteStepsRequest([into], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default));
        Assert.Empty(await db.Runs.CompleteAsync(new CompleteStepsRequest([into with { CompletionId = Guid.NewGuid() }], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default));

        var run = await db.Runs.GetRunAsync(id, default);
        Assert.Equal((RunStatus.Pending, 1, "s1", 0), (run!.Status, run.CurrentStepIndex, run.CurrentStep, run.Attempt));
        var next = Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, limits, "b", 5, T0.AddSeconds(1)));
        Assert.True(next.HoldsSlots);
    }

    private static async Task FreeLimitSlotsCaseAsync(StoreUnderTest db)
    {
        var limits = Concurrency(1);
        await StartAsync(db.Runs, T0);
        var held = await StartAsync(db.Runs, T0.AddMilliseconds(1));
        var first = Assert.Single(await LimitSteps.ClaimAllAsync(db.Runs, limits, "a", 5, T0.AddMilliseconds(1)));

        // The held run is cancelled (its wait is counted off) and the running one ends: a new run takes the slot.
        await db.History.CancelAsync(new CancelRunRequest(held, Reason: "not wanted", Now: T0.AddSeconds(1)), default);
        await db.Runs.CompleteAsync(new CompleteStepsRequest([Success(first, "{}", last: true).Holding(first)], Worker: "a", Now: T0.AddSeconds(1), Notify: false), default);
        var late = await StartAsync(db.Runs, T0.AddSeconds(2));

        Assert.Equal([late], (await LimitSteps.ClaimAllAsync(db.Runs, limits, "b", 5, T0.AddSeconds(2))).Select(c => c.Id));
        Assert.Equal(RunStatus.Cancelled, (await db.Runs.GetRunAsync(held, default))!.Status);
    }
}
