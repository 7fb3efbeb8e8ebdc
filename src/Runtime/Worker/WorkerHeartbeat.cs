using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Tells the database this worker is alive: one row per worker in <c>workers</c>, its <c>last_seen_at</c> written
/// at start and then once per interval (a third of the lease, as the lease renewal), on the database clock, and the
/// row deleted when the worker stops gracefully. An idle worker holds no lease, so without it nothing would show
/// that it lives; the no-live-worker alert reads these rows.
/// </summary>
internal sealed partial class WorkerHeartbeat(IMonitoringStore store, string workerId, TimeProvider time, DatabaseClock clock, TimeSpan interval, ILogger logger)
{
    // A stopping worker waits this long at most for its row to go; a crash leaves the row to age instead.
    private static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await BeatOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task BeatOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.BeatAsync(new WorkerBeatRequest(workerId, Environment.MachineName, clock.Now), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBeatFailed(e, interval);
        }
    }

    /// <summary>Deletes this worker's row; a failure is logged, and the row then ages like a crashed worker's.</summary>
    public async Task RemoveAsync()
    {
        using var timeout = new CancellationTokenSource(RemoveTimeout);
        try
        {
            await store.RemoveWorkerAsync(new RemoveWorkerRequest(workerId), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogRemoveFailed(e, workerId);
        }
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Warning, Message = "Writing this worker's heartbeat failed; trying again in {Interval}")]
    private partial void LogBeatFailed(Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Removing the heartbeat row of worker {WorkerId} as it stops failed; the row stays and ages as a stopped worker's")]
    private partial void LogRemoveFailed(Exception exception, string workerId);
}
