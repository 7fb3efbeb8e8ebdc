using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// Turns the store's wake-ups into the worker's: new work sets the work signal, a cancelled run fires the token of
/// that run's step if this worker runs it under that lease. Keeps since when the source is down, for the worker
/// health check.
/// </summary>
internal sealed class WakeUpListener(IWakeUpSource source, WorkSignal signal, InFlightRuns inFlight, TimeProvider time) : IWakeUpReceiver
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // UTC ticks of the first failure since the source last listened; 0 while it listens (or has not failed yet).
    private long _downSinceUtcTicks;

    /// <summary>Ends once the source is first in place: a cancel sent before it could not reach this worker.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Since when the source has been down; null while it listens.</summary>
    public DateTimeOffset? DownSince => Interlocked.Read(ref _downSinceUtcTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public Task RunAsync(CancellationToken stoppingToken) => source.ListenAsync(this, stoppingToken);

    public void ListeningStarted()
    {
        Interlocked.Exchange(ref _downSinceUtcTicks, 0);
        _listening.TrySetResult();

        // Anything that became due while not listening is found now.
        signal.Set();
    }

    // The first failure counts: a reconnect that fails again does not move it.
    public void ListeningStopped() => Interlocked.CompareExchange(ref _downSinceUtcTicks, time.GetUtcNow().UtcTicks, 0);

    public void WorkAvailable() => signal.Set();

    public void Cancelled(HeldRun run) => inFlight.MarkLost([run]);
}
