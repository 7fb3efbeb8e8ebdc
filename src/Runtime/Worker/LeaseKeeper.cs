using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Renews the leases of all of this worker's in-flight runs in one statement per interval, each by its lease
/// token; a run whose lease could not be renewed (another claim took it, or it was cancelled) has its step's token
/// cancelled. When renewals fail (the database is unreachable) the worker stops its own steps a safety margin
/// before their leases could expire in the database, so that another worker never runs a step this one still runs.
/// </summary>
internal sealed partial class LeaseKeeper(IRunStore store, InFlightRuns inFlight, TimeProvider time, DatabaseClock clock, TimeSpan leaseDuration, ILogger logger)
{
    private long _lastTickUtcTicks;

    public TimeSpan Interval => leaseDuration / 3;

    /// <summary>When the renewal loop last woke to renew, for the worker health check; null before its first turn.</summary>
    public DateTimeOffset? LastTickAt => Volatile.Read(ref _lastTickUtcTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = inFlight.UntilEarliestDeadline() is { } untilDeadline && untilDeadline < Interval ? untilDeadline : Interval;
            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            Volatile.Write(ref _lastTickUtcTicks, time.GetUtcNow().UtcTicks);
            LoseExpired();
            await RenewOnceAsync(stoppingToken).ConfigureAwait(false);
            LoseExpired();
        }
    }

    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var held = inFlight.Held;
        if (held.Count == 0)
        {
            return;
        }

        // A renewal that hangs must not outlast the leases it renews: it is given up at the earliest local deadline.
        using var deadline = new CancellationTokenSource(TimerLimit.Clamp(inFlight.UntilEarliestDeadline() ?? Interval), time);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var sentAt = time.GetTimestamp();
        try
        {
            var renewed = await store.RenewLeasesAsync(new RenewLeasesRequest(held, leaseDuration, clock.Now), giveUp.Token).ConfigureAwait(false);
            inFlight.Renewed(renewed, sentAt);
            // A run missing from the reply may have been let go by this worker since the renewal read it (its last
            // outcome committed meanwhile): only runs still held, with no outcome being written, were taken.
            var taken = inFlight.MarkNotRenewed(held.Where(run => !renewed.Contains(run)));
            if (taken.Count > 0)
            {
                LogLeasesLost(taken.Count);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogRenewFailed(e, held.Count);
        }
    }

    private void LoseExpired()
    {
        var expired = inFlight.LoseExpired();
        if (expired > 0)
        {
            LogLeasesExpiring(expired, inFlight.SafetyMargin);
        }
    }

    [LoggerMessage(EventId = 1060, Level = LogLevel.Warning, Message = "Lost the lease of {Count} runs: another worker took them over or they were cancelled; their steps are cancelled and their outcomes will not be committed")]
    private partial void LogLeasesLost(int count);

    [LoggerMessage(EventId = 1061, Level = LogLevel.Warning, Message = "Renewing the leases of {Count} runs failed; trying again next interval")]
    private partial void LogRenewFailed(Exception exception, int count);

    [LoggerMessage(EventId = 1062, Level = LogLevel.Error, Message = "The leases of {Count} runs could not be renewed in time: their steps are cancelled {Margin} before the leases can expire, so that another worker may take the runs")]
    private partial void LogLeasesExpiring(int count, TimeSpan margin);
}
