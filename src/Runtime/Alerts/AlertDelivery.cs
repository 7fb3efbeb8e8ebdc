using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Delivers the stored notices until every sink took them: claims one rule's undelivered notices under a lease,
/// hands each, in the order they were written, to every sink that has not taken it, and records each sink that
/// took it at once (so a later try sends it only to the others). A notice some sink refused is tried again after
/// a delay that doubles, up to <see cref="LongestRetry"/>. Delivery is at least once: a process that stops or dies
/// mid-send lets its lease run out and another sends again, with the same <see cref="AlertNotice.Id"/>.
/// </summary>
internal sealed partial class AlertDelivery(IMonitoringStore store, AlertNotifier notifier, IOptions<InquirOptions> options, TimeProvider time, ILogger<AlertDelivery> logger)
{
    /// <summary>How often a worker looks for notices that are due again.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);

    private readonly Guid _owner = Guid.NewGuid();
    private readonly DatabaseClock _clock = new(time);

    // Renewed after every sink's try: one try may take the sink timeout, and the margin covers the writes between.
    private TimeSpan Lease => options.Value.Alerting.SinkTimeout + TimeSpan.FromSeconds(30);

    /// <summary>Delivers every notice that is due, rule by rule, until none is.</summary>
    public async Task DeliverDueAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            var notices = await store.ClaimAlertNoticesAsync(new ClaimNoticesRequest(_owner, Lease, _clock.Now), stoppingToken).ConfigureAwait(false);
            if (notices.Count == 0)
            {
                return;
            }

            await DeliverAsync(notices, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the notices older than <see cref="AlertingOptions.NoticeRetention"/>, logging those some sink never took.</summary>
    public async Task DeleteOldAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.Alerting.NoticeRetention;
        var givenUp = await store.DeleteOldAlertNoticesAsync(new DeleteOldNoticesRequest(retention, _clock.Now), stoppingToken).ConfigureAwait(false);
        if (givenUp > 0)
        {
            LogGivenUp(givenUp, retention);
        }
    }

    private async Task DeliverAsync(IReadOnlyList<PendingAlertNotice> notices, CancellationToken stoppingToken)
    {
        var taken = notices.Select(n => n.DeliveredTo.ToHashSet(StringComparer.Ordinal)).ToList();
        var problems = new string?[notices.Count];
        for (var i = 0; i < notices.Count; i++)
        {
            foreach (var (name, sink) in notifier.Sinks)
            {
                if (taken[i].Contains(name))
                {
                    continue;
                }

                var problem = await notifier.TrySendAsync(sink, notices[i].Notice, stoppingToken).ConfigureAwait(false);
                if (problem is not null)
                {
                    problems[i] = problem;
                    if (!await RecordAsync(notices[i], null, stoppingToken).ConfigureAwait(false))
                    {
                        return;
                    }

                    continue;
                }

                // A sink that has the rule's newer state needs none of the older notices it missed: sent later, they
                // would tell it the rule went back. So they count as taken by it.
                for (var earlier = 0; earlier <= i; earlier++)
                {
                    if (taken[earlier].Add(name) && !await RecordAsync(notices[earlier], name, stoppingToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
        }

        for (var i = 0; i < notices.Count; i++)
        {
            var delivered = notifier.Sinks.All(s => taken[i].Contains(s.Name));
            var retryIn = delivered ? (TimeSpan?)null : Retry(notices[i].Attempts);
            await store.FinishAlertNoticeAsync(new FinishNoticeRequest(_owner, notices[i].Notice.Id, retryIn, delivered ? null : problems[i], _clock.Now), stoppingToken).ConfigureAwait(false);
            if (!delivered)
            {
                LogRetrying(notices[i].Notice.Rule, notices[i].Notice.Status, notices[i].Notice.Id, retryIn!.Value);
            }
        }
    }

    // False when the lease was lost (it ran out and another worker claimed the notices): that one delivers them now.
    private async Task<bool> RecordAsync(PendingAlertNotice notice, string? sink, CancellationToken stoppingToken)
    {
        if (await store.RecordAlertNoticeSinkAsync(new RecordNoticeSinkRequest(_owner, notice.Notice.Id, sink, Lease, _clock.Now), stoppingToken).ConfigureAwait(false))
        {
            return true;
        }

        LogLeaseLost(notice.Notice.Rule);
        return false;
    }

    private static TimeSpan Retry(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Min(attempts, 16)));

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "The {Status} notice {NoticeId} of alert rule {Rule} is not delivered to every sink; trying again in {Delay}")]
    private partial void LogRetrying(string rule, AlertStatus status, Guid noticeId, TimeSpan delay);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "Delivering the notices of alert rule {Rule} took longer than their lease; another worker delivers them")]
    private partial void LogLeaseLost(string rule);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "{Count} alert notices were never taken by every sink within {Retention} and are given up")]
    private partial void LogGivenUp(int count, TimeSpan retention);
}
