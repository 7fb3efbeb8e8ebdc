namespace Inquir.Typed.Worker;

/// <summary>
/// Counts step invocations that were abandoned after their timeout but have not ended yet. They still hold a
/// thread and whatever the step holds, so the claim loop counts those beyond the worker's concurrency against its
/// slots: steps that ignore their tokens cannot make the worker run more than twice its concurrency at once.
/// </summary>
internal sealed class AbandonedSteps
{
    private int _running;

    public int Count => Volatile.Read(ref _running);

    /// <summary>
    /// How many of a worker's <paramref name="concurrency"/> slots the abandoned steps hold: up to
    /// <paramref name="concurrency"/> of them free their slots (a stuck step must not stop the worker), and any beyond
    /// that count against the slots until they end.
    /// </summary>
    public int SlotsHeld(int concurrency) => Math.Max(0, Count - concurrency);

    /// <summary>Counts <paramref name="invocation"/> until it ends.</summary>
    public void Track(Task invocation)
    {
        Interlocked.Increment(ref _running);
        _ = invocation.ContinueWith(
            static (t, state) =>
            {
                // Nobody awaits the abandoned step: observe its end so that a late exception is not reported as unobserved.
                _ = t.Exception;
                Interlocked.Decrement(ref ((AbandonedSteps)state!)._running);
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
