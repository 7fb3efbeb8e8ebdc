using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Makes due the runs whose wait for an event timed out (on the database's clock), so that a worker claims them and
/// their step fails with an <see cref="EventTimeoutException"/> or hands on a timed-out <see cref="EventResult{T}"/>.
/// Every worker sweeps; the stores take each run once.
/// </summary>
internal sealed partial class EventTimeoutSweeper(IRunStore store, WorkSignal signal, TimeProvider time, DatabaseClock clock, TimeSpan interval, ILogger logger)
{
    private const int BatchLimit = 500;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var timedOut = await store.TimeOutEventWaitsAsync(new TimeOutEventWaitsRequest(clock.Now, BatchLimit), cancellationToken).ConfigureAwait(false);
            if (timedOut > 0)
            {
                LogTimedOut(timedOut);
                signal.Set();
            }

            return timedOut;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(e);
            return 0;
        }
    }

    [LoggerMessage(EventId = 1091, Level = LogLevel.Information, Message = "{Count} runs waited for an event past their timeout; they are due")]
    private partial void LogTimedOut(int count);

    [LoggerMessage(EventId = 1092, Level = LogLevel.Warning, Message = "Looking for waits for events that timed out failed; trying again next interval")]
    private partial void LogSweepFailed(Exception exception);
}
