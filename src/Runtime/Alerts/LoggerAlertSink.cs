using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed;

/// <summary>The default sink: a warning when a rule fires, an information line when it resolves, with the numbers of its kind.</summary>
internal sealed partial class LoggerAlertSink(ILogger<LoggerAlertSink> logger) : IAlertSink
{
    public Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var firing = notice.Status == AlertStatus.Firing;
        switch (notice.Kind)
        {
            case AlertKind.QueueLag when firing:
                LogQueueLagFiring(notice.Rule, notice.Queue, notice.Age, notice.Window, notice.Total);
                return Task.CompletedTask;
            case AlertKind.QueueLag:
                LogQueueLagResolved(notice.Rule, notice.Queue, notice.Window);
                return Task.CompletedTask;
            case AlertKind.NoLiveWorker when firing:
                LogNoLiveWorkerFiring(notice.Rule, notice.Age, notice.Window, notice.LastSeenAt?.ToString("O", CultureInfo.InvariantCulture) ?? "never");
                return Task.CompletedTask;
            case AlertKind.NoLiveWorker:
                LogNoLiveWorkerResolved(notice.Rule, notice.Total, notice.Window);
                return Task.CompletedTask;
        }

        var rate = notice.RatePercent.ToString("0.#", CultureInfo.InvariantCulture);
        var subject = notice.Step is null ? notice.Workflow : $"{notice.Workflow}/{notice.Step}";
        var errors = string.Join(" | ", notice.TopErrors.Select(e => $"{e.Count}× {e.Message}"));
        if (notice.Status == AlertStatus.Firing)
        {
            LogFiring(notice.Rule, subject, rate, notice.ThresholdPercent, notice.Failures, notice.Total, notice.Window, errors);
        }
        else
        {
            LogResolved(notice.Rule, subject, rate, notice.ResolvePercent, notice.Failures, notice.Total, notice.Window);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "Alert {Rule} firing: {Subject} failed {RatePercent} % (above {ThresholdPercent} %), {Failures} of {Total} in {Window}; top errors: {TopErrors}")]
    private partial void LogFiring(string rule, string subject, string ratePercent, double thresholdPercent, int failures, int total, TimeSpan window, string topErrors);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Alert {Rule} resolved: {Subject} failed {RatePercent} % (at or under {ResolvePercent} %), {Failures} of {Total} in {Window}")]
    private partial void LogResolved(string rule, string subject, string ratePercent, double resolvePercent, int failures, int total, TimeSpan window);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Alert {Rule} firing: the oldest due run of queue {Queue} has waited {Age} (over {Over}); {Due} due runs wait")]
    private partial void LogQueueLagFiring(string rule, string? queue, TimeSpan? age, TimeSpan over, int due);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information,
        Message = "Alert {Rule} resolved: no due run of queue {Queue} has waited over {Over}")]
    private partial void LogQueueLagResolved(string rule, string? queue, TimeSpan over);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Alert {Rule} firing: no worker heartbeat for {Age} (over {Over}); the newest was at {LastSeenAt}")]
    private partial void LogNoLiveWorkerFiring(string rule, TimeSpan? age, TimeSpan over, string lastSeenAt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information,
        Message = "Alert {Rule} resolved: {Workers} workers beat within {Over}")]
    private partial void LogNoLiveWorkerResolved(string rule, int workers, TimeSpan over);
}
