using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed;

/// <summary>The default sink: a warning when a rule fires, an information line when it resolves, with the numbers.</summary>
internal sealed partial class LoggerAlertSink(ILogger<LoggerAlertSink> logger) : IAlertSink
{
    public Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
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
}
