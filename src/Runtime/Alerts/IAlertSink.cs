namespace Inquir.Typed;

/// <summary>
/// Receives the notices of alerts (every kind): one when a rule starts firing and one when it resolves. Register any
/// number in DI (<c>services.AddSingleton&lt;IAlertSink, MySink&gt;()</c>); the log and the webhook are built in. A sink
/// that throws or runs past <see cref="AlertingOptions.SinkTimeout"/> is logged, never stops the evaluator or the other
/// sinks, and is given the notice again later until it returns. Delivery is at least once (a process stopped
/// mid-send leaves the notice to another): a sink that must not repeat drops a notice whose <see cref="AlertNotice.Id"/>
/// it has seen. A sink is recorded under its type's name, so register the same sinks in every process.
/// </summary>
public interface IAlertSink
{
    /// <summary>Delivers one notice.</summary>
    Task SendAsync(AlertNotice notice, CancellationToken cancellationToken);
}
