using Inquir.Typed.Storage;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>The transitions of a run that waits for an event: the wait, the event's arrival, and the timeout.</summary>
public abstract partial class RunStateContract
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromHours(1);

    private static async Task WaitForEventCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var kept = await StartAsync(db.Runs, T0);
        var claims = (await ClaimAllAsync(db, T0)).ToDictionary(c => c.Id);
        var outcome = WaitingForEvent(claims[id], "approval");

        Assert.Empty(await CompleteAsync(db, outcome with { CompletionId = Guid.NewGuid(), Run = new HeldRun(id, Guid.NewGuid()) }, T0));
        Assert.Equal(RunStatus.Running, (await RunAsync(db, id)).Status);
        Assert.Equal([outcome.CompletionId], await CompleteAsync(db, outcome, T0));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Waiting, 0, 1, (DateTimeOffset?)null), (run.Status, run.CurrentStepIndex, run.Attempt, run.NextAttemptAt));
        Assert.Empty(await db.CheckpointsAsync(id));
        Assert.Contains(StepAttemptOutcome.Succeeded, await db.OutcomesAsync(id));
        Assert.Empty(await RenewAsync(db, claims[id].Held, T0));

        // Held by no worker: it is not claimed while it waits.
        Assert.DoesNotContain(id, (await ClaimAllAsync(db, T1.AddMinutes(5))).Select(c => c.Id));

        // A run that keeps an event of the name it waits for takes it as it parks, and is due at once.
        await SendAsync(db, kept, "approval", "e-1", "{\"by\":\"ann\"}", T0);
        await CompleteAsync(db, WaitingForEvent(claims[kept], "approval"), T1);
        var woken = await RunAsync(db, kept);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T1), (woken.Status, woken.NextAttemptAt));
        var claim = await ClaimOneAsync(db.Runs, "a", T1);
        Assert.Equal((kept, 0, 2, "approval"), (claim.Id, claim.StepIndex, claim.Attempt, claim.AwaitedEvent));
        var taken = await db.Runs.GetTakenEventAsync(new GetTakenEventRequest(kept, "approval", 0, 1), default);
        Assert.Equal("e-1", taken?.EventId);
        Assert.True(StoreUnderTest.SameJson("{\"by\":\"ann\"}", taken!.PayloadJson));
    }

    private static async Task EventArrivesCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        await CompleteAsync(db, WaitingForEvent(claim, "approval"), T0);

        // An event of another name is kept; the run keeps waiting.
        Assert.Equal(EventSendStatus.Kept, (await SendAsync(db, id, "refund", "r-1", "1", T1)).Status);
        Assert.Equal(RunStatus.Waiting, (await RunAsync(db, id)).Status);

        var sent = await SendAsync(db, id, "approval", "e-1", "{\"by\":\"bob\"}", T1);
        var again = await SendAsync(db, id, "approval", "e-1", "{\"by\":\"eve\"}", T1.AddSeconds(1));

        Assert.Equal((EventSendStatus.Delivered, (Guid?)id, "w"), (sent.Status, sent.RunId, sent.Workflow));
        Assert.Equal(EventSendStatus.Duplicate, again.Status);
        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)T1), (run.Status, run.NextAttemptAt));
        var woken = await ClaimOneAsync(db.Runs, "a", T1.AddSeconds(1));
        Assert.Equal((id, 2, "approval"), (woken.Id, woken.Attempt, woken.AwaitedEvent));
        Assert.True(StoreUnderTest.SameJson("{\"by\":\"bob\"}", (await db.Runs.GetTakenEventAsync(new GetTakenEventRequest(id, "approval", 0, 1), default))!.PayloadJson));

        // A run of another workflow than the sender names, a missing run and an ended run take nothing.
        Assert.Equal(EventSendStatus.OtherWorkflow, (await db.Runs.SendEventAsync(new SendEventRequest(id, "other", null, "approval", "e-2", "{}", T1), default)).Status);
        Assert.Equal(EventSendStatus.RunNotFound, (await SendAsync(db, Guid.NewGuid(), "approval", "e-3", "{}", T1)).Status);
        await CompleteAsync(db, Success(woken, "1", last: true), T1.AddSeconds(2));
        var ended = await SendAsync(db, id, "approval", "e-4", "{}", T1.AddSeconds(3));
        Assert.Equal((EventSendStatus.RunEnded, (RunStatus?)RunStatus.Succeeded), (ended.Status, ended.RunStatus));

        // A resend of an event the run had (a webhook's redelivery after the run went on and ended) is that event.
        Assert.Equal(EventSendStatus.Duplicate, (await SendAsync(db, id, "approval", "e-1", "{\"by\":\"bob\"}", T1.AddSeconds(4))).Status);

        // By idempotency key.
        var keyed = (await db.Runs.StartRunAsync(new StartRunRequest(new NewRun(Guid.NewGuid(), "w", Utf8.Json("{}"), "order-1", null, T0, T0, TimeSpan.Zero)), default)).Id;
        var byKey = await db.Runs.SendEventAsync(new SendEventRequest(null, "w", "order-1", "approval", "e-5", "{}", T1), default);
        Assert.Equal((EventSendStatus.Kept, (Guid?)keyed), (byKey.Status, byKey.RunId));
    }

    private static async Task EventTimeoutCaseAsync(StoreUnderTest db)
    {
        var id = await StartAsync(db.Runs, T0);
        var claim = await ClaimOneAsync(db.Runs, "a", T0);
        await CompleteAsync(db, WaitingForEvent(claim, "approval"), T0);

        // Not before its time, on the store's clock.
        Assert.Equal(0, await db.Runs.TimeOutEventWaitsAsync(new TimeOutEventWaitsRequest(T0 + EventTimeout - TimeSpan.FromSeconds(1), 100), default));
        Assert.Equal(RunStatus.Waiting, (await RunAsync(db, id)).Status);

        // An event that arrives after the timeout is kept, not taken: the timeout decides.
        Assert.Equal(EventSendStatus.Kept, (await SendAsync(db, id, "approval", "late", "{}", T0 + EventTimeout)).Status);
        Assert.Equal(1, await db.Runs.TimeOutEventWaitsAsync(new TimeOutEventWaitsRequest(T0 + EventTimeout, 100), default));
        Assert.Equal(0, await db.Runs.TimeOutEventWaitsAsync(new TimeOutEventWaitsRequest(T0 + EventTimeout, 100), default));

        var run = await RunAsync(db, id);
        Assert.Equal((RunStatus.Pending, (DateTimeOffset?)(T0 + EventTimeout)), (run.Status, run.NextAttemptAt));
        var woken = await ClaimOneAsync(db.Runs, "a", T0 + EventTimeout);
        Assert.Equal((id, "approval"), (woken.Id, woken.AwaitedEvent));
        Assert.Null(await db.Runs.GetTakenEventAsync(new GetTakenEventRequest(id, "approval", 0, 1), default));
    }

    private static Task<EventSendResult> SendAsync(StoreUnderTest db, Guid runId, string name, string eventId, string payload, DateTimeOffset now) =>
        db.Runs.SendEventAsync(new SendEventRequest(runId, null, null, name, eventId, payload, now), default);

    private static StepCompletion WaitingForEvent(ClaimedRun claim, string name) =>
        Success(claim, "null") with { Output = null, NextStatus = RunStatus.Waiting, NextStepName = null, AwaitedEvent = name, EventTimeout = EventTimeout };
}
