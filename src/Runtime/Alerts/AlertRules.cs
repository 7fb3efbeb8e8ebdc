namespace Inquir.Typed;

/// <summary>Adds the rules of the kinds other than failure rate to <see cref="InquirOptions.Alerts"/> in one line each.</summary>
/// <example>
/// <code>
/// builder.Services.AddInquir(o =&gt;
/// {
///     o.Alerts.QueueLag("exports", over: TimeSpan.FromMinutes(5));
///     o.Alerts.NoLiveWorker(over: TimeSpan.FromMinutes(2));
/// });
/// </code>
/// </example>
public static class AlertRules
{
    /// <summary>The name <see cref="NoLiveWorker"/> gives its rule unless told another.</summary>
    public const string NoLiveWorkerName = "no-live-worker";

    /// <summary>
    /// Adds a <see cref="AlertKind.QueueLag"/> rule: it fires while the oldest due run of <paramref name="queue"/> has
    /// waited longer than <paramref name="over"/> to be claimed, and resolves once it is claimed (or no due run waits that long).
    /// </summary>
    /// <param name="alerts">The rules, <see cref="InquirOptions.Alerts"/>.</param>
    /// <param name="queue">The queue to watch.</param>
    /// <param name="over">How long the oldest due run may wait.</param>
    /// <param name="name">The rule's name; default <c>queue-lag-{queue}</c>.</param>
    /// <returns><paramref name="alerts"/>, for more rules.</returns>
    public static IDictionary<string, AlertRule> QueueLag(this IDictionary<string, AlertRule> alerts, string queue, TimeSpan over, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        alerts[name ?? "queue-lag-" + queue] = new AlertRule { Kind = AlertKind.QueueLag, Queue = queue, Over = over };
        return alerts;
    }

    /// <summary>
    /// Adds a <see cref="AlertKind.NoLiveWorker"/> rule: it fires while no worker of the database has sent a heartbeat
    /// for longer than <paramref name="over"/> (every worker stopped, crashed or cannot reach the database), and
    /// resolves when one beats again. It is evaluated by processes whose worker is disabled too, so give it to a
    /// process that outlives the workers (the dashboard's host, say).
    /// </summary>
    /// <param name="alerts">The rules, <see cref="InquirOptions.Alerts"/>.</param>
    /// <param name="over">How long the database may go without a heartbeat.</param>
    /// <param name="name">The rule's name; default <see cref="NoLiveWorkerName"/>.</param>
    /// <returns><paramref name="alerts"/>, for more rules.</returns>
    public static IDictionary<string, AlertRule> NoLiveWorker(this IDictionary<string, AlertRule> alerts, TimeSpan over, string name = NoLiveWorkerName)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        alerts[name] = new AlertRule { Kind = AlertKind.NoLiveWorker, Over = over };
        return alerts;
    }
}
