namespace Inquir.Typed.Worker;

/// <summary>
/// Calls a step so that a step that ignores its token cannot hold its slot forever: with a timeout, the step runs
/// on the thread pool (a blocking step cannot block the worker either) and is abandoned when it has not ended a
/// grace period after the timeout.
/// </summary>
internal static class StepInvocation
{
    public static async Task<string> RunAsync(Func<Task<string>> invoke, TimeSpan? timeout, TimeSpan gracePeriod, TimeProvider time)
    {
        if (timeout is not { } limit)
        {
            return await invoke().ConfigureAwait(false);
        }

        var invocation = Task.Run(invoke);
        using var stopWaiting = new CancellationTokenSource();
        var deadline = Task.Delay(limit + gracePeriod, time, stopWaiting.Token);
        if (await Task.WhenAny(invocation, deadline).ConfigureAwait(false) == invocation)
        {
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            return await invocation.ConfigureAwait(false);
        }

        // Nobody awaits the abandoned step: observe its end so that a late exception is not reported as unobserved.
        _ = invocation.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        throw new StepAbandonedException(limit, gracePeriod);
    }
}
