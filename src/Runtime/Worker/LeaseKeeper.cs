using Inquir.Typed.Postgres;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Renews the leases of all of this worker's in-flight runs in one statement per interval; a run whose lease
/// could not be renewed (another worker took it over) has its steps' tokens cancelled.
/// </summary>
internal sealed partial class LeaseKeeper(IRunStore store, InFlightRuns inFlight, TimeProvider time, string workerId, TimeSpan leaseDuration, ILogger logger)
{
    public TimeSpan Interval => leaseDuration / 3;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            await RenewOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var ids = inFlight.Ids;
        if (ids.Count == 0)
        {
            return;
        }

        try
        {
            var renewed = await store.RenewLeasesAsync(ids, workerId, time.GetUtcNow() + leaseDuration, cancellationToken).ConfigureAwait(false);
            var lost = ids.Where(id => !renewed.Contains(id)).ToList();
            if (lost.Count > 0)
            {
                LogLeasesLost(lost.Count);
                inFlight.MarkLost(lost);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRenewFailed(e, ids.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of {Count} runs: another worker took them over or they were cancelled; their steps are cancelled and their outcomes will not be committed")]
    private partial void LogLeasesLost(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the leases of {Count} runs failed; trying again next interval")]
    private partial void LogRenewFailed(Exception exception, int count);
}
