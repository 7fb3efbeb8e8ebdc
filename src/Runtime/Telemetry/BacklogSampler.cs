using Inquir.Typed.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Samples the backlog (due, unclaimed runs and the oldest one's wait) every <see cref="Interval"/> for the
/// <c>inquir.runs.backlog</c> and <c>inquir.runs.oldest_due_age</c> gauges, the runs that wait (for an event, children,
/// a sleep or a snooze) for the <c>inquir.runs.waiting</c> gauge, the queues (paused or not, their due runs) for the
/// <c>inquir.queue.*</c> gauges, and the limits (their running and waiting runs, never per key) for the
/// <c>inquir.limits.*</c> gauges, in every process whose worker is enabled. Queries on the limit counters and the partial indexes
/// of unended runs only; a failure leaves the last sample and is logged at debug level, since the worker already
/// reports an unreachable database.
/// </summary>
internal sealed partial class BacklogSampler(
    IMonitoringStore store, IHistoryStore history, SchemaReadiness schema, IOptions<InquirOptions> options, TimeProvider time, ILogger<BacklogSampler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly DatabaseClock _clock = new(time);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                    BacklogGauges.Publish(store.Label, await store.BacklogAsync(stoppingToken).ConfigureAwait(false));
                    WaitingGauges.Publish(store.Label, await store.WaitingAsync(stoppingToken).ConfigureAwait(false));
                    var queues = await history.ListQueuesAsync(_clock.Now, stoppingToken).ConfigureAwait(false);
                    QueueGauges.Publish(store.Label, queues.Select(QueueRow.ToInfo).ToList());
                    var limits = await history.ListLimitsAsync(new ListLimitsRequest(TopKeys: 0), stoppingToken).ConfigureAwait(false);
                    LimitGauges.Publish(store.Label, limits.ToInfos());
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogSampleFailed(e);
                }

                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            BacklogGauges.Withdraw(store.Label);
            WaitingGauges.Withdraw(store.Label);
            QueueGauges.Withdraw(store.Label);
            LimitGauges.Withdraw(store.Label);
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Sampling the backlog for the gauges failed; keeping the last sample")]
    private partial void LogSampleFailed(Exception exception);
}
