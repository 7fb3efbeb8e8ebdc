using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// The sinks of this process, each under a stable name (the ones in DI, the log among them, and the webhook when its
/// URL is set), and one try of one notice at one sink: <see cref="AlertingOptions.SinkTimeout"/> long, and a sink
/// that throws or runs over is logged and reported, never thrown.
/// </summary>
internal sealed partial class AlertNotifier
{
    private readonly IOptions<InquirOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertNotifier> _logger;

    public AlertNotifier(IEnumerable<IAlertSink> sinks, AlertWebhookSink webhook, IOptions<InquirOptions> options, TimeProvider time, ILogger<AlertNotifier> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        var all = options.Value.Alerting.Webhook.Url is null ? sinks : sinks.Append(webhook);
        Sinks = Named(all);
    }

    /// <summary>Every sink with the name its deliveries are recorded under.</summary>
    public IReadOnlyList<(string Name, IAlertSink Sink)> Sinks { get; }

    /// <returns>Null when the sink took the notice; otherwise what went wrong.</returns>
    public async Task<string?> TrySendAsync(IAlertSink sink, AlertNotice notice, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(_options.Value.Alerting.SinkTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await sink.SendAsync(notice, linked.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogSinkFailed(e, sink.GetType().Name, notice.Rule, notice.Status);
            return $"{sink.GetType().Name}: {e.Message}";
        }
    }

    // A sink's name is its type's, so that every process records the same sink under the same name; a second sink
    // of one type is told apart by its place among them.
    private static List<(string Name, IAlertSink Sink)> Named(IEnumerable<IAlertSink> sinks)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var named = new List<(string, IAlertSink)>();
        foreach (var sink in sinks)
        {
            var type = sink.GetType().FullName ?? sink.GetType().Name;
            var count = seen[type] = seen.GetValueOrDefault(type) + 1;
            named.Add((count == 1 ? type : $"{type}#{count}", sink));
        }

        return named;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Alert sink {Sink} failed with the {Status} notice of rule {Rule}")]
    private partial void LogSinkFailed(Exception exception, string sink, string rule, AlertStatus status);
}
