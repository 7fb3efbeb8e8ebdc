namespace Inquir.Typed.Worker;

/// <summary>
/// Wakes the claim loop: set by a notification, a freed slot or a retry that became due; many sets before a wait
/// count as one.
/// </summary>
internal sealed class WorkSignal(TimeProvider time)
{
    private TaskCompletionSource _next = NewSource();

    public void Set() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Sets the signal after <paramref name="delay"/> on the injected clock.</summary>
    public void SetAfter(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Set();
            return;
        }

        // Polling finds work that is due later than a timer can wait long before it is due.
        if (delay > TimerLimit.Longest)
        {
            return;
        }

        ITimer? timer = null;
        timer = time.CreateTimer(_ => { Set(); timer?.Dispose(); }, null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits until the signal is set or <paramref name="timeout"/> passes, then resets it.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _next);
        try
        {
            await current.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Polling is the fallback when no notification arrives.
        }

        Interlocked.CompareExchange(ref _next, NewSource(), current);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
