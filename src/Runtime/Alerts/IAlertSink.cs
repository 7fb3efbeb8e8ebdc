namespace Inquir.Typed;

/// <summary>
/// Receives the notices of failure-rate alerts: one when a rule starts firing and one when it resolves. Register any
/// number in DI (<c>services.AddSingleton&lt;IAlertSink, MySink&gt;()</c>); the log and the webhook are built in. A sink
/// that throws or runs past <see cref="AlertingOptions.SinkTimeout"/> is logged and never stops the evaluator or the other sinks.
/// </summary>
public interface IAlertSink
{
    /// <summary>Delivers one notice.</summary>
    Task SendAsync(AlertNotice notice, CancellationToken cancellationToken);
}
