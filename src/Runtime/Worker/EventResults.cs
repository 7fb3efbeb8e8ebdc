using Inquir.Typed.Generated;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// The two halves of a step that returns <c>EventWait&lt;T&gt;</c>. When the step returns, its wait parks the run;
/// when an event or the timeout woke the run, the event its wait took becomes the step's checkpoint (the payload, or
/// an <c>EventResult&lt;T&gt;</c> around it), or, with no event taken, the wait timed out: the step fails with an
/// <see cref="EventTimeoutException"/>, or the next step is handed a timed-out <c>EventResult&lt;T&gt;</c>.
/// </summary>
internal static class EventResults
{
    /// <summary>Reads the wait the generated invoker encoded (see <see cref="EventWaitHandles"/>).</summary>
    public static AttemptResult FromHandle(string handle, TimeSpan duration)
    {
        var (name, timeout) = EventWaitHandles.Decode(handle);
        return AttemptResult.WaitingForEvent(name, timeout, duration);
    }

    /// <summary>The outcome of the woken step: the event its wait took, or its timeout.</summary>
    public static async Task<AttemptResult> ResolveAsync(IRunStore store, StepDescriptor step, ClaimedRun run, string eventName, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var wait = step.Event ?? throw new InvalidOperationException($"step '{step.Name}' waited for event '{eventName}' but does not return an EventWait in this deployment");
        var taken = await store.GetTakenEventAsync(new GetTakenEventRequest(run.Id, eventName, run.StepIndex, run.Execution), CancellationToken.None).ConfigureAwait(false);
        if (taken is not null)
        {
            return AttemptResult.Success(wait.Arrived(taken.PayloadJson, taken.EventId), time.GetElapsedTime(started));
        }

        return wait.TimeoutAsResult
            ? AttemptResult.Success(StepEvent.TimedOut(), time.GetElapsedTime(started))
            : AttemptResult.Failure(new EventTimeoutException(eventName, step.Name), timedOut: false, time.GetElapsedTime(started));
    }
}
