using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Hands one notice to every sink: the ones in DI (the log among them) and the webhook when its URL is set. Each gets
/// <see cref="AlertingOptions.SinkTimeout"/>; one that throws or runs over is logged, and the others still get the notice.
/// </summary>
internal sealed partial class AlertNotifier(
    IEnumerable<IAlertSink> sinks, AlertWebhookSink webhook, IOptions<InquirOptions> options, TimeProvider time, ILogger<AlertNotifier> logger)
{
    public async Task SendAsync(AlertNotice notice, CancellationToken stoppingToken)
    {
        var alerting = options.Value.Alerting;
        var all = alerting.Webhook.Url is null ? sinks : sinks.Append(webhook);
        foreach (var sink in all)
        {
            using var timeout = new CancellationTokenSource(alerting.SinkTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
            try
            {
                await sink.SendAsync(notice, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                LogSinkFailed(e, sink.GetType().Name, notice.Rule, notice.Status);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Alert sink {Sink} failed with the {Status} notice of rule {Rule}")]
    private partial void LogSinkFailed(Exception exception, string sink, string rule, AlertStatus status);
}
