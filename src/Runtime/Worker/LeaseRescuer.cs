using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Hands back runs whose worker stopped renewing its lease, so that any worker can finish them; and fails runs whose
/// deadline passed (a sleeping, waiting or pending run has no worker that could notice it; a running one's worker is
/// told, and its step's token fires).
/// </summary>
internal sealed partial class LeaseRescuer(IRunStore store, WorkSignal signal, TimeProvider time, DatabaseClock clock, TimeSpan interval, ILogger logger)
{
    private const int BatchLimit = 500;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RescueOnceAsync(stoppingToken).ConfigureAwait(false);
            await FailPastDeadlineOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task<int> RescueOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rescued = await store.RescueExpiredLeasesAsync(new RescueExpiredLeasesRequest(clock.Now, BatchLimit), cancellationToken).ConfigureAwait(false);
            if (rescued > 0)
            {
                InquirTelemetry.LeaseTakeovers.Add(rescued);
                LogRescued(rescued);
                signal.Set();
            }

            return rescued;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRescueFailed(e);
            return 0;
        }
    }

    public async Task<int> FailPastDeadlineOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var failed = await store.FailPastDeadlineAsync(new FailPastDeadlineRequest(clock.Now, BatchLimit), cancellationToken).ConfigureAwait(false);
            foreach (var run in failed)
            {
                // The sweeper sees only the workflow's name (it may be of another deployment), not its queue: no destination.
                InquirTelemetry.RunsFinished.Add(1, MessagingTags.Of(null, MessagingTags.Settle, new("inquir.workflow", run.Workflow), new("inquir.status", "failed")));
                LogDeadlinePassed(run.RunId, run.Workflow);
            }

            if (failed.Count > 0)
            {
                signal.Set();
            }

            return failed.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeadlineSweepFailed(e);
            return 0;
        }
    }

    [LoggerMessage(EventId = 1072, Level = LogLevel.Warning, Message = "Run {RunId} of workflow {Workflow} failed: its deadline passed")]
    private partial void LogDeadlinePassed(Guid runId, string workflow);

    [LoggerMessage(EventId = 1073, Level = LogLevel.Warning, Message = "Looking for runs past their deadline failed; trying again next interval")]
    private partial void LogDeadlineSweepFailed(Exception exception);

    [LoggerMessage(EventId = 1070, Level = LogLevel.Warning, Message = "Handed back {Count} runs whose worker's lease expired")]
    private partial void LogRescued(int count);

    [LoggerMessage(EventId = 1071, Level = LogLevel.Warning, Message = "Looking for runs with expired leases failed; trying again next interval")]
    private partial void LogRescueFailed(Exception exception);
}
