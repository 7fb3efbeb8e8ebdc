using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// Turns the store's wake-ups into the worker's: new work sets the work signal, a cancelled run fires the token of
/// that run's step if this worker runs it under that lease.
/// </summary>
internal sealed class WakeUpListener(IWakeUpSource source, WorkSignal signal, InFlightRuns inFlight) : IWakeUpReceiver
{
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends once the source is first in place: a cancel sent before it could not reach this worker.</summary>
    public Task Listening => _listening.Task;

    public Task RunAsync(CancellationToken stoppingToken) => source.ListenAsync(this, stoppingToken);

    public void ListeningStarted()
    {
        _listening.TrySetResult();

        // Anything that became due while not listening is found now.
        signal.Set();
    }

    public void WorkAvailable() => signal.Set();

    public void Cancelled(HeldRun run) => inFlight.MarkLost([run]);
}
