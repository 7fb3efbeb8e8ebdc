namespace Inquir.Typed.Worker;

/// <summary>
/// Calls a step so that a step that ignores its token cannot hold its slot forever: with a timeout, the step runs
/// on the thread pool (a blocking step cannot block the worker either) and is abandoned when it has not ended a
/// grace period after the timeout. An abandoned step is counted until it ends (see <see cref="AbandonedSteps"/>).
/// </summary>
internal static class StepInvocation
{
    public static async Task<string> RunAsync(Func<Task<string>> invoke, TimeSpan? timeout, TimeSpan gracePeriod, AbandonedSteps abandoned, TimeProvider time)
    {
        if (timeout is not { } limit)
        {
            return await invoke().ConfigureAwait(false);
        }

        var invocation = Task.Run(invoke);
        using var stopWaiting = new CancellationTokenSource();
        var deadline = Task.Delay(TimerLimit.Clamp(limit + gracePeriod), time, stopWaiting.Token);
        if (await Task.WhenAny(invocation, deadline).ConfigureAwait(false) == invocation)
        {
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            return await invocation.ConfigureAwait(false);
        }

        abandoned.Track(invocation);
        throw new StepAbandonedException(limit, gracePeriod);
    }
}
