using Inquir.Typed.Storage;
using Inquir.Typed.Worker;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// The run state machine of docs/run-states.md, one case per transition of its table (by the table's names): each
/// puts a run in the transition's from-status through the store's API, applies the transition, checks the status it
/// ends in and what it wrote, and, where a fencing rule applies, that a stale writer (an old lease token, another
/// step or attempt, a run in another status, a time not yet reached) writes nothing.
/// </summary>
public abstract partial class RunStateContract : StoreContract
{
    private static readonly DateTimeOffset T1 = T0.AddSeconds(1);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>The cases, by the transition names of docs/run-states.md.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<StoreUnderTest, Task>> Cases = new Dictionary<string, Func<StoreUnderTest, Task>>(StringComparer.Ordinal)
    {
        ["start"] = StartCaseAsync,
        ["start with a used key"] = StartWithAUsedKeyCaseAsync,
        ["debounce"] = DebounceCaseAsync,
        ["claim"] = ClaimCaseAsync,
        ["renew"] = RenewCaseAsync,
        ["succeed"] = SucceedCaseAsync,
        ["succeed last"] = SucceedLastCaseAsync,
        ["leave at an unknown step"] = LeaveAtAnUnknownStepCaseAsync,
        ["sleep"] = SleepCaseAsync,
        ["retry"] = RetryCaseAsync,
        ["snooze"] = SnoozeCaseAsync,
        ["fail"] = FailCaseAsync,
        ["permanent fail"] = PermanentFailCaseAsync,
        ["fail without an attempt"] = FailWithoutAnAttemptCaseAsync,
        ["wait"] = WaitCaseAsync,
        ["wake"] = WakeCaseAsync,
        ["deadline"] = DeadlineCaseAsync,
        ["wait for event"] = WaitForEventCaseAsync,
        ["event arrives"] = EventArrivesCaseAsync,
        ["event timeout"] = EventTimeoutCaseAsync,
        ["cancel tree"] = CancelTreeCaseAsync,
        ["release"] = ReleaseCaseAsync,
        ["rescue"] = RescueCaseAsync,
        ["replay"] = ReplayCaseAsync,
        ["restart"] = RestartCaseAsync,
        ["report unknown step"] = ReportUnknownStepCaseAsync,
        ["retention delete"] = RetentionDeleteCaseAsync,
        ["hold at a limit"] = HoldAtALimitCaseAsync,
        ["delay for a rate"] = DelayForARateCaseAsync,
        ["unhold"] = UnholdCaseAsync,
        ["succeed into a limit"] = SucceedIntoALimitCaseAsync,
        ["free limit slots"] = FreeLimitSlotsCaseAsync,
    };

    public static TheoryData<string> Transitions()
    {
        var names = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Every_transition_moves_the_run_and_refuses_a_stale_writer(string transition)
    {
        await using var db = await OpenAsync();
        await Cases[transition](db);
    }

    private static async Task StartCaseAsync(StoreUnderTest db)
    {
        var due = T0.AddSeconds(30);
        var started = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), "k", null, T0, due, TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default);
        var many = await db.Runs.StartRunsAsync(new StartRunsRequest([new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":2}"), null, null, T0, null, TimeSpan.FromSeconds(30), FirstStepName: "s0")], Transaction: null), default);

        Assert.True(started.Created);
        Assert.True(Assert.Single(many).Created);
        foreach (var id in new[] { started.Id, many[0].Id })
        {
            var run = await RunAsync(db, id);
            Assert.Equal((RunStatus.Pending, 0, "s0", 0, (DateTimeOffset?)due), (run.Status, run.CurrentStepIndex, run.CurrentStep, run.Attempt, run.NextAttemptAt));
        }

        Assert.Equal("k", (await RunAsync(db, started.Id)).IdempotencyKey);

        // Under a start policy the run holds its key in start_keys, and shows it all the same.
        var underPolicy = await db.Runs.StartRunAsync(new StartRunRequest(
            new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":3}"), "k", null, T0, due, TimeSpan.Zero, FirstStepName: "s0") { Policy = StartPolicy.UniqueWhileActive }, Transaction: null), default);
        Assert.True(underPolicy.Created);
        var policyRun = await RunAsync(db, underPolicy.Id);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)due, "k"), (policyRun.Status, policyRun.NextAttemptAt, policyRun.IdempotencyKey));

        // Due by the store's clock, not before.
        Assert.Empty(await ClaimAllAsync(db, T0.AddSeconds(29)));
    }

    private static async Task StartWithAUsedKeyCaseAsync(StoreUnderTest db)
    {
        var first = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), "k", null, T0, T0, TimeSpan.Zero), Transaction: null), default);
        var secondId = Guid.NewGuid();

        var again = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(secondId, "w", Utf8.Json("{\"n\":2}"), "k", null, T1, T1, TimeSpan.Zero), Transaction: null), default);
        var bulkId = Guid.NewGuid();
        var bulk = await db.Runs.StartRunsAsync(new StartRunsRequest([
                new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":3}"), "k", null, T1, T1, TimeSpan.Zero),
                new NewRun(bulkId, "w", Utf8.Json("{\"n\":4}"), "k2", null, T1, T1, TimeSpan.Zero),
                new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":5}"), "k2", null, T1, T1, TimeSpan.Zero),
            ], Transaction: null), default);

        Assert.Equal(new StartedRun(first.Id, Created: false), again);
        Assert.Equal([new StartedRun(first.Id, false), new StartedRun(bulkId, true), new StartedRun(bulkId, false)], bulk);
        Assert.Null(await db.Runs.GetRunAsync(secondId, default));
        var run = await RunAsync(db, first.Id);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T0), (run.Status, run.NextAttemptAt));
        Assert.True(StoreUnderTest.SameJson("{\"n\":1}", run.Input));

        // Under a start policy: the run holding the start key is answered and left as it was.
        var window = StartPolicy.UniqueFor(TimeSpan.FromMinutes(1));
        var holder = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":6}"), "p", null, T0, T0, TimeSpan.Zero) { Policy = window }, Transaction: null), default);
        var refusedId = Guid.NewGuid();
        var held = await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(refusedId, "w", Utf8.Json("{\"n\":7}"), "p", null, T1, T1, TimeSpan.Zero) { Policy = window }, Transaction: null), default);
        Assert.Equal(new StartedRun(holder.Id, Created: false), held);
        Assert.Null(await db.Runs.GetRunAsync(refusedId, default));
        Assert.True(StoreUnderTest.SameJson("{\"n\":6}", (await RunAsync(db, holder.Id)).Input));
    }

    private static async Task DebounceCaseAsync(StoreUnderTest db)
    {
        var quiet = StartPolicy.Debounce(TimeSpan.FromSeconds(30));
        NewRun Debounced(string input, DateTimeOffset now) =>
            new(Guid.NewGuid(), "w", Utf8.Json(input), "k", null, now, null, TimeSpan.FromSeconds(30), FirstStepName: "s0") { Policy = quiet };
        var first = await db.Runs.StartRunAsync(new StartRunRequest(Debounced("{\"n\":1}", T0), Transaction: null), default);

        var folded = await db.Runs.StartRunAsync(new StartRunRequest(Debounced("{\"n\":2}", T1), Transaction: null), default);

        Assert.Equal(new StartedRun(first.Id, Created: false) { Updated = true }, folded);
        var run = await RunAsync(db, first.Id);
        Assert.Equal((RunStatus.Pending, 0, 0, (DateTimeOffset?)T1.AddSeconds(30)), (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt));
        Assert.True(StoreUnderTest.SameJson("{\"n\":2}", run.Input));
        Assert.Empty(await ClaimAllAsync(db, T0.AddSeconds(30)));

        // Once claimed the run is no longer folded into: the next start makes a run of its own.
        var claim = await ClaimOneAsync(db.Runs, "a", T1.AddSeconds(30));
        var afterClaim = await db.Runs.StartRunAsync(new StartRunRequest(Debounced("{\"n\":3}", T1.AddSeconds(31)), Transaction: null), default);

        Assert.Equal(first.Id, claim.Id);
        Assert.True(afterClaim.Created);
        Assert.Equal(RunStatus.Running, (await RunAsync(db, first.Id)).Status);
        Assert.True(StoreUnderTest.SameJson("{\"n\":2}", (await RunAsync(db, first.Id)).Input));
    }

    private static async Task ClaimCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var later = await StartAsync(db.Runs, T0.AddSeconds(60));

        var claim = await ClaimOneAsync(db.Runs, "a", T0, Lease);

        Assert.Equal((id, 0, 1), (claim.Id, claim.StepIndex, claim.Attempt));
        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Running, 1, (DateTimeOffset?)null), (run.Status, run.Attempt, run.NextAttemptAt));
        Assert.Equal([claim.Held], await RenewAsync(db, claim.Held, T1));

        // Not claimed again while its lease holds, and a run due later is not claimed early.
        Assert.Empty(await ClaimAllAsync(db, T0.AddSeconds(29)));
        Assert.Equal(RunStatus.Pending, (await RunAsync(db, later)).Status);
    }

    private static async Task RenewCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0, TimeSpan.FromSeconds(10));

        var stale = await db.Runs.RenewLeasesAsync(new RenewLeasesRequest([new HeldRun(id, Guid.NewGuid())], LeaseDuration: Lease, Now: T0.AddSeconds(5)), default);
        var renewed = await db.Runs.RenewLeasesAsync(new RenewLeasesRequest([claim.Held, new HeldRun(Guid.NewGuid(), Guid.NewGuid())], LeaseDuration: Lease, Now: T0.AddSeconds(5)), default);

        Assert.Empty(stale);
        Assert.Equal([claim.Held], renewed);
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);

        // The lease now ends 30 s after the renewal's time, not 10 s after the claim's.
        Assert.Equal(0, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(35), Limit: 100), default));
        Assert.Equal(1, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(36), Limit: 100), default));
        Assert.Empty(await RenewAsync(db, claim.Held, T0.AddSeconds(36)));
    }

    private static async Task SucceedCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var outcome = Success(claim, "{\"a\":1}");

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T1));
        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Attempt = claim.Attempt + 1 }, T1));
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Running, 1, "s1", 1), (run.Status, run.CurrentStepIndex, run.CurrentStep, run.Attempt));
        Assert.True(StoreUnderTest.SameJson("{\"a\":1}", Assert.Single(await db.CheckpointsAsync(id))));
        Assert.Equal([claim.Held], await RenewAsync(db, claim.Held, T1));

        // Written again after a lost reply: recognised as committed, and nothing is written twice.
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));
        Assert.Single(await db.CheckpointsAsync(id));
        var outcomes = await db.OutcomesAsync(id);
        Assert.Equal(1, outcomes.Count(o => o == StepAttemptOutcome.Succeeded));
        Assert.Equal(2, outcomes.Count(o => o == StepAttemptOutcome.Superseded));
    }

    private static async Task SucceedLastCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var outcome = Success(claim, "7", last: true);

        Assert.Empty(await CompleteAsync(db, Success(claim, "8", stepIndex: 1, last: true), T1));
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Succeeded, 0, (DateTimeOffset?)T1), (run.Status, run.CurrentStepIndex, run.CompletedAt));
        Assert.True(StoreUnderTest.SameJson("7", run.Result));
        Assert.True(StoreUnderTest.SameJson("7", Assert.Single(await db.CheckpointsAsync(id))));
        Assert.Empty(await RenewAsync(db, claim.Held, T1));
    }

    private static async Task LeaveAtAnUnknownStepCaseAsync(StoreUnderTest db)
    {
        var id = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0, TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default)).Id;
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var outcome = Success(claim, "\"x\"") with
        {
            NextStatus = RunStatus.Pending,
            NextStepName = "publish",
            RetryDelay = TimeSpan.Zero,
            RunError = UnknownStepText.WaitingFor("w", 1, "publish"),
        };

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T1));
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, 1, "publish", 0, (DateTimeOffset?)T1), (run.Status, run.CurrentStepIndex, run.CurrentStep, run.Attempt, run.NextAttemptAt));
        Assert.Equal(UnknownStepText.WaitingFor("w", 1, "publish"), run.Error);
        Assert.True(StoreUnderTest.SameJson("\"x\"", Assert.Single(await db.CheckpointsAsync(id))));
        Assert.Empty(await RenewAsync(db, claim.Held, T1));

        // Left for a worker that knows the step, and not reported again.
        Assert.Empty(await ClaimAllAsync(db, T1));
        Assert.Empty(await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(Known, Now: T1, Limit: 100), default));
        var next = Assert.Single(await db.Runs.ClaimAsync(new ClaimRequest("newer", new KnownSteps([("w", ["s0", "publish"])]), 10, Lease, T1), default));
        Assert.Equal((id, 1, "publish", 1), (next.Id, next.StepIndex, next.StepName, next.Attempt));
        Assert.True(StoreUnderTest.SameJson("\"x\"", next.StepInput));
    }

    private static async Task SleepCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var outcome = Success(claim, "\"x\"") with { NextStatus = RunStatus.Pending, RetryDelay = TimeSpan.FromHours(1), Sleep = RunSleep.Sleeping };

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T1));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal(
            (RunStatus.Pending, 1, "s1", 0, (DateTimeOffset?)T1.AddHours(1), (RunSleep?)RunSleep.Sleeping, (string?)null),
            (run.Status, run.CurrentStepIndex, run.CurrentStep, run.Attempt, run.NextAttemptAt, run.Sleep, run.Error));
        Assert.True(StoreUnderTest.SameJson("\"x\"", Assert.Single(await db.CheckpointsAsync(id))));
        Assert.Equal([StepAttemptOutcome.Superseded, StepAttemptOutcome.Succeeded], await db.OutcomesAsync(id));
        Assert.Empty(await RenewAsync(db, claim.Held, T1));

        // Held by no worker until it is due by the store's clock; the claim takes it at its next step, awake.
        Assert.Empty(await ClaimAllAsync(db, T1.AddHours(1).AddSeconds(-1)));
        var woken = await ClaimOneAsync(db.Runs, "b", T1.AddHours(1));
        Assert.Equal((id, 1, "s1", 1), (woken.Id, woken.StepIndex, woken.StepName, woken.Attempt));
        Assert.True(StoreUnderTest.SameJson("\"x\"", woken.StepInput));
        Assert.Null((await RunAsync(db, id)).Sleep);

        // A wake time (DelayUntil) later than the delay decides.
        var until = await StartAsync(db.Runs, T1);
        var untilClaim = await ClaimOneAsync(db.Runs, "a", T1);
        await CompleteAsync(db, Success(untilClaim, "1") with { NextStatus = RunStatus.Pending, RetryDelay = TimeSpan.Zero, WakeAt = T1.AddDays(1), Sleep = RunSleep.Sleeping }, T1);
        Assert.Equal((DateTimeOffset?)T1.AddDays(1), (await RunAsync(db, until)).NextAttemptAt);
    }

    private static async Task SnoozeCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var outcome = Snoozed(claim, TimeSpan.FromMinutes(5));

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T1));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal(
            (RunStatus.Pending, 0, 0, (DateTimeOffset?)T1.AddMinutes(5), (RunSleep?)RunSleep.Snoozed, (string?)null),
            (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt, run.Sleep, run.Error));
        Assert.Empty(await db.CheckpointsAsync(id));
        Assert.Equal([StepAttemptOutcome.Superseded, StepAttemptOutcome.Snoozed], await db.OutcomesAsync(id));
        Assert.Empty(await RenewAsync(db, claim.Held, T1));
        Assert.Empty(await CompleteAsync(db, Success(claim, "1"), T1));

        // Written again after a lost reply: recognised as committed, and neither the attempt nor the snooze counted twice.
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));
        Assert.Equal(1, (await db.OutcomesAsync(id)).Count(o => o == StepAttemptOutcome.Snoozed));

        // Not counted against the retries: the next attempt carries the same number, and the snooze is counted.
        Assert.Empty(await ClaimAllAsync(db, T1.AddMinutes(5).AddSeconds(-1)));
        var again = await ClaimOneAsync(db.Runs, "a", T1.AddMinutes(5));
        Assert.Equal((1, 1), (again.Attempt, again.Snoozes));
        await CompleteAsync(db, Snoozed(again, TimeSpan.Zero), T1.AddMinutes(5));
        var third = await ClaimOneAsync(db.Runs, "a", T1.AddMinutes(5));
        Assert.Equal((1, 2), (third.Attempt, third.Snoozes));

        // A failed attempt still counts (the next is the second), and a step change sets the snoozes back to 0.
        await CompleteAsync(db, Failure(third, TimeSpan.Zero), T1.AddMinutes(5));
        var retried = await ClaimOneAsync(db.Runs, "a", T1.AddMinutes(5));
        Assert.Equal((2, 2), (retried.Attempt, retried.Snoozes));
        await CompleteAsync(db, Success(retried, "2") with { NextStatus = RunStatus.Pending, RetryDelay = TimeSpan.Zero }, T1.AddMinutes(5));
        var next = await ClaimOneAsync(db.Runs, "a", T1.AddMinutes(5));
        Assert.Equal((1, 0), (next.StepIndex, next.Snoozes));
    }

    private static async Task DeadlineCaseAsync(StoreUnderTest db)
    {
        var deadline = T0.AddHours(1);
        var running = await StartWithDeadlineAsync(db, T0, TimeSpan.FromHours(1));
        var runningClaim = await ClaimOneAsync(db.Runs, "a", T0);
        var waiting = await StartWithDeadlineAsync(db, T0, TimeSpan.FromHours(1));
        var waitingClaim = await ClaimOneAsync(db.Runs, "a", T0);
        var child = await StartChildAsync(db, waiting, T0.AddDays(1));
        await CompleteAsync(db, Waiting(waitingClaim, [child]), T0);
        var sleeping = await StartWithDeadlineAsync(db, T0.AddHours(2), TimeSpan.FromHours(1));
        var later = await StartWithDeadlineAsync(db, T0.AddHours(5), TimeSpan.FromHours(3));

        Assert.Equal((RunStatus.Waiting, (DateTimeOffset?)deadline), ((await RunAsync(db, waiting)).Status, (await RunAsync(db, waiting)).DeadlineAt));
        Assert.Empty(await db.Runs.FailPastDeadlineAsync(new FailPastDeadlineRequest(deadline.AddSeconds(-1), Limit: 100), default));
        var failed = await db.Runs.FailPastDeadlineAsync(new FailPastDeadlineRequest(deadline, Limit: 100), default);

        Assert.Equal(new[] { running, waiting, sleeping }.Order(), failed.Select(f => f.RunId).Order());
        Assert.All(failed, f => Assert.Equal("w", f.Workflow));
        var reason = DeadlineText.RunError(T0, deadline);
        Assert.StartsWith("DeadlineExceeded: the run's deadline of 1h passed at 2026-03-01 10:00:00 UTC", reason, StringComparison.Ordinal);
        foreach (var id in new[] { running, waiting, sleeping })
        {
            var run = await RunAsync(db, id);
            Assert.Equal((RunStatus.Failed, reason, (DateTimeOffset?)deadline, (DateTimeOffset?)null), (run.Status, run.Error, run.CompletedAt, run.NextAttemptAt));
        }

        // The running attempt is recorded as failed by the deadline; its worker's lease is gone and its late outcome refused.
        var attempt = Assert.Single(Assert.Single((await db.HistoryOfAsync(running)).Steps).Attempts);
        Assert.Equal((StepAttemptOutcome.Failed, typeof(DeadlineExceededException).FullName, reason), (attempt.Outcome, attempt.ErrorType, attempt.ErrorMessage));
        Assert.Empty(await RenewAsync(db, runningClaim.Held, deadline));
        Assert.Empty(await CompleteAsync(db, Success(runningClaim, "1"), deadline));
        Assert.Empty(await db.OutcomesAsync(sleeping));

        // The waiting run's child is cancelled with it; a run whose deadline has not passed is left alone, and a run
        // that ended is not failed again.
        await AssertCancelledByAsync(db, child, ChildCancellation.AncestorFailed(waiting));
        Assert.Equal(RunStatus.Pending, (await RunAsync(db, later)).Status);
        Assert.Empty(await db.Runs.FailPastDeadlineAsync(new FailPastDeadlineRequest(deadline.AddHours(1), Limit: 100), default));
    }

    private static async Task RetryCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var first = await ClaimOneAsync(db.Runs, "a", T0);
        var outcome = Failure(first, TimeSpan.FromSeconds(8));

        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, 0, 1, (DateTimeOffset?)T1.AddSeconds(8), "boom"), (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt, run.Error));
        Assert.Empty(await db.CheckpointsAsync(id));
        Assert.Equal([StepAttemptOutcome.Failed], await db.OutcomesAsync(id));

        // The attempt's lease is gone; the next attempt waits for its backoff on the store's clock.
        Assert.Empty(await RenewAsync(db, first.Held, T1));
        Assert.Empty(await CompleteAsync(db, Success(first, "1"), T1));
        Assert.Empty(await ClaimAllAsync(db, T1.AddSeconds(7)));
        Assert.Equal(2, (await ClaimOneAsync(db.Runs, "a", T1.AddSeconds(8))).Attempt);
    }

    private static async Task FailCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var child = await StartChildAsync(db, id, T1);
        var outcome = Failure(claim, TimeSpan.Zero, last: true) with { RunError = "step 's0' failed on all 1 attempts; last error: boom" };

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T1));
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Failed, (DateTimeOffset?)T1, "step 's0' failed on all 1 attempts; last error: boom"), (run.Status, run.CompletedAt, run.Error));
        Assert.Empty(await db.CheckpointsAsync(id));
        Assert.Empty(await RenewAsync(db, claim.Held, T1));
        Assert.Contains(StepAttemptOutcome.Failed, await db.OutcomesAsync(id));
        await AssertCancelledByAsync(db, child, ChildCancellation.AncestorFailed(id));

        // Written again after a lost reply: recognised as committed, no second attempt row.
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));
        Assert.Equal(1, (await db.OutcomesAsync(id)).Count(o => o == StepAttemptOutcome.Failed));
    }

    private static async Task PermanentFailCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var running = await StartChildAsync(db, id, T1);
        var runningClaim = await ClaimOneAsync(db.Runs, "b", T1);
        var pending = await StartChildAsync(db, id, T1.AddSeconds(5));
        var grandchild = await StartChildAsync(db, running, T1.AddSeconds(5));
        var outcome = Failure(claim, TimeSpan.Zero, last: true) with { RunError = "step 's0' failed permanently on attempt 1: boom" };

        Assert.Equal(running, runningClaim.Id);
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Failed, 1, "step 's0' failed permanently on attempt 1: boom"), (run.Status, run.Attempt, run.Error));
        foreach (var descendant in new[] { running, pending, grandchild })
        {
            await AssertCancelledByAsync(db, descendant, ChildCancellation.AncestorFailed(id));
        }

        Assert.Equal([StepAttemptOutcome.Cancelled], await db.OutcomesAsync(running));

        // The cancelled child's worker no longer holds it.
        Assert.Empty(await RenewAsync(db, runningClaim.Held, T1));
        Assert.Empty(await CompleteAsync(db, Success(runningClaim, "1", last: true) with { ParentRunId = id }, T1));
        Assert.Equal(RunStatus.Cancelled, (await RunAsync(db, running)).Status);
    }

    private static async Task FailWithoutAnAttemptCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var child = await StartChildAsync(db, id, T1);

        Assert.False(await db.Runs.FailRunAsync(new FailRunRequest(new HeldRun(id, Guid.NewGuid()), Error: "stale", Now: T1), default));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);
        Assert.True(await db.Runs.FailRunAsync(new FailRunRequest(claim.Held, Error: "the checkpoint of step 0 is missing", Now: T1), default));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Failed, (DateTimeOffset?)T1, "the checkpoint of step 0 is missing"), (run.Status, run.CompletedAt, run.Error));
        Assert.Empty(await db.OutcomesAsync(id));
        Assert.Empty(await db.CheckpointsAsync(id));
        await AssertCancelledByAsync(db, child, ChildCancellation.AncestorFailed(id));
        Assert.False(await db.Runs.FailRunAsync(new FailRunRequest(claim.Held, Error: "again", Now: T1), default));
    }

    private static async Task WaitCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        Guid[] children = [await StartChildAsync(db, id, T1), await StartChildAsync(db, id, T1)];
        var outcome = Waiting(claim, children);

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T0));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T0));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Waiting, 0, 1, (DateTimeOffset?)null), (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt));
        Assert.Empty(await db.CheckpointsAsync(id));
        Assert.Contains(StepAttemptOutcome.Succeeded, await db.OutcomesAsync(id));
        Assert.Empty(await RenewAsync(db, claim.Held, T0));

        // Held by no worker: a claim takes only its children.
        Assert.Equal(children.Order(), (await ClaimAllAsync(db, T1.AddMinutes(5))).Select(c => c.Id).Order());
    }

    private static async Task WakeCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        Guid[] children = [await StartChildAsync(db, id, T1), await StartChildAsync(db, id, T1)];
        await CompleteAsync(db, Waiting(claim, children), T0);
        var claims = (await ClaimAllAsync(db, T1)).ToDictionary(c => c.Id);
        var first = claims[children[0]];
        var last = claims[children[1]];

        await CompleteAsync(db, Success(first, "1", last: true) with { ParentRunId = id }, T1);
        Assert.Equal(RunStatus.Waiting, (await RunAsync(db, id)).Status);

        // An outcome that was fenced off ended nothing: the wait goes on.
        Assert.Empty(await CompleteAsync(db, Success(last, "2", last: true) with { ParentRunId = id, Run = new HeldRun(last.Id, Guid.NewGuid()) }, T1));
        Assert.Equal(RunStatus.Waiting, (await RunAsync(db, id)).Status);

        await CompleteAsync(db, Success(last, "2", last: true) with { ParentRunId = id }, T1.AddSeconds(1));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T1.AddSeconds(1)), (run.Status, run.NextAttemptAt));
        var woken = await ClaimOneAsync(db.Runs, "a", T1.AddSeconds(1));
        Assert.Equal((id, 0, 2), (woken.Id, woken.StepIndex, woken.Attempt));
        Assert.Equal(children, woken.AwaitedRuns);
    }

    private static async Task CancelTreeCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        var running = await StartChildAsync(db, id, T1);
        var runningClaim = await ClaimOneAsync(db.Runs, "b", T1);
        var pending = await StartChildAsync(db, id, T1.AddSeconds(5));
        var grandchild = await StartChildAsync(db, running, T1.AddSeconds(5));

        var cancel = await db.History.CancelAsync(new CancelRunRequest(id, Reason: "stop", Now: T1), default);

        Assert.Equal(running, runningClaim.Id);
        Assert.Equal((RunStatus.Running, 4), (cancel?.PreviousStatus, cancel?.CancelledWorkflows.Count));
        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Cancelled, "stop", (DateTimeOffset?)T1, (DateTimeOffset?)null), (run.Status, run.Error, run.CompletedAt, run.NextAttemptAt));
        foreach (var descendant in new[] { running, pending, grandchild })
        {
            await AssertCancelledByAsync(db, descendant, ChildCancellation.Reason(id));
        }

        Assert.Equal([StepAttemptOutcome.Cancelled], await db.OutcomesAsync(running));
        Assert.Empty(await db.OutcomesAsync(pending));

        // The worker's lease is gone and its late outcome is refused; the cancel's record of the attempt stands.
        Assert.Empty(await RenewAsync(db, claim.Held, T1));
        Assert.Empty(await CompleteAsync(db, Success(claim, "1"), T1));
        Assert.Equal([StepAttemptOutcome.Cancelled], await db.OutcomesAsync(id));

        // An ended run is left as it is.
        var again = await db.History.CancelAsync(new CancelRunRequest(id, Reason: "again", Now: T1.AddSeconds(1)), default);
        Assert.Equal((RunStatus.Cancelled, 0), (again?.PreviousStatus, again?.CancelledWorkflows.Count));
        Assert.Equal("stop", (await RunAsync(db, id)).Error);
    }

    private static async Task ReleaseCaseAsync(StoreUnderTest db)
    {
        var started = await StartAsync(db.Runs, T0);
        var notStarted = await StartAsync(db.Runs, T0);
        var claims = (await ClaimAllAsync(db, T0)).ToDictionary(c => c.Id);

        Assert.Equal(0, await db.Runs.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(new HeldRun(started, Guid.NewGuid()), true)], Worker: "a", Now: T1), default));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, started)).Status);
        Assert.Equal(2, await db.Runs.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(claims[started].Held, true), new ReleasedRun(claims[notStarted].Held, false)], Worker: "a", Now: T1), default));

        foreach (var id in new[] { started, notStarted })
        {
            var run = await RunAsync(db, id);
            Assert.Equal((RunStatus.Pending, 0, (DateTimeOffset?)T1), (run.Status, run.Attempt, run.NextAttemptAt));
            Assert.Empty(await RenewAsync(db, claims[id].Held, T1));
        }

        Assert.Equal([StepAttemptOutcome.Interrupted], await db.OutcomesAsync(started));
        Assert.Empty(await db.OutcomesAsync(notStarted));

        // The attempt was not counted: the next claim makes it again.
        Assert.All(await ClaimAllAsync(db, T1), c => Assert.Equal(1, c.Attempt));
    }

    private static async Task RescueCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "dead", T0, TimeSpan.FromSeconds(10));

        Assert.Equal(0, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(10), Limit: 100), default));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);
        Assert.Equal(1, await db.Runs.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(T0.AddSeconds(11), Limit: 100), default));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, 1, (DateTimeOffset?)T0.AddSeconds(11)), (run.Status, run.Attempt, run.NextAttemptAt));
        Assert.StartsWith("the lease of worker dead expired during attempt 1 of step ", run.Error, StringComparison.Ordinal);
        Assert.Equal([StepAttemptOutcome.Abandoned], await db.OutcomesAsync(id));

        // The old owner's late outcome is refused; the attempt counted.
        Assert.Empty(await CompleteAsync(db, Success(claim, "1"), T0.AddSeconds(12)));
        Assert.Empty(await db.CheckpointsAsync(id));
        Assert.Equal(2, (await ClaimOneAsync(db.Runs, "b", T0.AddSeconds(12))).Attempt);
    }

    private static async Task ReplayCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var pending = await StartAsync(db.Runs, T0.AddMinutes(1));
        var first = await ClaimOneAsync(db.Runs, "a", T0);
        await CompleteAsync(db, Success(first, "1"), T0);
        var second = first with { StepIndex = 1, Attempt = 1, StepName = "s1" };
        await CompleteAsync(db, Failure(second, TimeSpan.Zero, last: true), T0);

        var replayed = await db.History.ReplayAsync(new ReplayRunsRequest([id, pending, Guid.NewGuid()], Now: T0.AddSeconds(5)), default);

        Assert.Equal([(pending, RunStatus.Pending, false), (id, RunStatus.Failed, true)], replayed.Select(r => (r.Id, r.Status, r.Replayed)).OrderBy(r => r.Status));
        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, 1, 0, (DateTimeOffset?)T0.AddSeconds(5), (string?)null, (DateTimeOffset?)null), (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt, run.Error, run.CompletedAt));
        Assert.Equal(["1"], await db.CheckpointsAsync(id));
        var history = await db.HistoryOfAsync(id);
        Assert.Equal(2, history.Execution);
        Assert.All(history.Steps.SelectMany(s => s.Attempts), a => Assert.Equal(1, a.Execution));
        var untouched = await RunAsync(db, pending);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T0.AddMinutes(1)), (untouched.Status, untouched.NextAttemptAt));

        var claim = Assert.Single(await ClaimAllAsync(db, T0.AddSeconds(5)));
        Assert.Equal((id, 1, 1, 2), (claim.Id, claim.StepIndex, claim.Attempt, claim.Execution));
    }

    private static async Task RestartCaseAsync(StoreUnderTest db)
    {
        var original = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":7}"), "k", null, T0, T0, TimeSpan.Zero), Transaction: null), default)).Id;
        await CompleteAsync(db, Success(await ClaimOneAsync(db.Runs, "a", T0), "1", last: true), T0);
        var unfinished = await StartAsync(db.Runs, T0.AddMinutes(1));
        var newId = Guid.NewGuid();

        Assert.Null(await db.History.RestartAsync(new RestartRunRequest(unfinished, NewRunId: Guid.NewGuid(), Now: T1), default));
        Assert.Equal(newId, await db.History.RestartAsync(new RestartRunRequest(original, NewRunId: newId, Now: T1), default));

        var run = await RunAsync(db, newId);
        Assert.Equal((RunStatus.Pending, 0, 0, (DateTimeOffset?)T1, (string?)null), (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt, run.IdempotencyKey));
        Assert.True(StoreUnderTest.SameJson("{\"n\":7}", run.Input));
        Assert.Equal(original, (await db.HistoryOfAsync(newId)).RestartedFromRunId);
        var kept = await RunAsync(db, original);
        Assert.Equal((RunStatus.Succeeded, "k"), (kept.Status, kept.IdempotencyKey));
    }

    private static async Task ReportUnknownStepCaseAsync(StoreUnderTest db)
    {
        var due = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0, TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default)).Id;
        var later = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, T0.AddMinutes(1), TimeSpan.Zero, FirstStepName: "s0"), Transaction: null), default)).Id;
        var narrow = new KnownSteps([("w", ["other"])]);

        Assert.Equal([due], (await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(narrow, Now: T0, Limit: 100), default)).Select(r => r.RunId));
        Assert.Empty(await db.Runs.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(narrow, Now: T0, Limit: 100), default));

        var run = await RunAsync(db, due);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T0, UnknownStepText.WaitingFor("w", 0, "s0")), (run.Status, run.NextAttemptAt, run.Error));
        Assert.Null((await RunAsync(db, later)).Error);
    }

    private static async Task RetentionDeleteCaseAsync(StoreUnderTest db)
    {
        var old = await StartAsync(db.Runs, T0);
        await CompleteAsync(db, Success(await ClaimOneAsync(db.Runs, "a", T0), "1", last: true), T0);
        var child = await StartChildAsync(db, old, T0.AddMinutes(1));
        await db.History.CancelAsync(new CancelRunRequest(child, Reason: "done", Now: T0), default);
        var pending = await StartAsync(db.Runs, T0.AddMinutes(1));
        RunStatus[] finished = [RunStatus.Succeeded, RunStatus.Cancelled];

        Assert.Equal(0, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest(finished, Age: TimeSpan.FromSeconds(10), Limit: 100, Now: T0.AddSeconds(10)), default));
        Assert.Equal(1, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest(finished, Age: TimeSpan.FromSeconds(10), Limit: 100, Now: T0.AddSeconds(11)), default));

        Assert.Null(await db.Runs.GetRunAsync(old, default));
        Assert.Null(await db.History.GetAsync(old, default));
        var orphan = await RunAsync(db, child);
        Assert.Equal((RunStatus.Cancelled, (Guid?)null), (orphan.Status, orphan.ParentRunId));
        Assert.Equal(RunStatus.Pending, (await RunAsync(db, pending)).Status);

        // The child, no longer anyone's, goes in a later sweep by its own age.
        Assert.Equal(1, await db.History.DeleteFinishedAsync(new DeleteFinishedRunsRequest(finished, Age: TimeSpan.FromSeconds(10), Limit: 100, Now: T0.AddSeconds(11)), default));
        Assert.Null(await db.Runs.GetRunAsync(child, default));
    }

    private static async Task<RunInfo> RunAsync(StoreUnderTest db, Guid id) => (await db.Runs.GetRunAsync(id, default))!;

    private static Task<IReadOnlyList<ClaimedRun>> ClaimAllAsync(StoreUnderTest db, DateTimeOffset now) =>
        db.Runs.ClaimAsync(new ClaimRequest("any", Known, 10, Lease, now), default);

    private static Task<IReadOnlySet<Guid>> CompleteAsync(StoreUnderTest db, StepCompletion outcome, DateTimeOffset now) =>
        db.Runs.CompleteAsync(new CompleteStepsRequest([outcome], Worker: "a", Now: now, Notify: false), default);

    private static Task<IReadOnlySet<HeldRun>> RenewAsync(StoreUnderTest db, HeldRun held, DateTimeOffset now) =>
        db.Runs.RenewLeasesAsync(new RenewLeasesRequest([held], LeaseDuration: Lease, Now: now), default);

    private static async Task<Guid> StartChildAsync(StoreUnderTest db, Guid parent, DateTimeOffset due) =>
        (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), $"{parent:D}:child:{Guid.NewGuid():N}", parent, T0, due, TimeSpan.Zero), Transaction: null), default)).Id;

    private static async Task AssertCancelledByAsync(StoreUnderTest db, Guid id, string reason)
    {
        var run = await RunAsync(db, id);
        Assert.Equal((id, RunStatus.Cancelled, reason), (id, run.Status, run.Error));
    }

    private static async Task<Guid> StartWithDeadlineAsync(StoreUnderTest db, DateTimeOffset due, TimeSpan deadline) =>
        (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), null, null, T0, due, TimeSpan.Zero) { Deadline = deadline }, Transaction: null), default)).Id;

    private static StepCompletion Snoozed(ClaimedRun claim, TimeSpan delay) =>
        Failure(claim, delay) with
        {
            Outcome = AttemptOutcome.Snoozed,
            RunError = null,
            ErrorType = null,
            ErrorMessage = null,
            Sleep = RunSleep.Snoozed,
        };

    private static StepCompletion Waiting(ClaimedRun claim, Guid[] children) =>
        Success(claim, "null") with { Output = null, NextStatus = RunStatus.Waiting, NextStepName = null, AwaitedRuns = children };
}
