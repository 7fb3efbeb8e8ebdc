namespace Inquir.Typed;

/// <summary>An alert rule as stored, with its state and the latest evaluation.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="Workflow">The workflow a failure-rate rule watches; empty for the other kinds.</param>
/// <param name="Step">The step, for a step rule.</param>
/// <param name="ThresholdPercent">Fires above this rate, in percent.</param>
/// <param name="ResolvePercent">Resolves at or under this rate, in percent.</param>
/// <param name="Window">How far back the rate looks; for the other kinds, the rule's <see cref="AlertRule.Over"/>.</param>
/// <param name="MinimumCount">The fewest runs (or attempts) for the rate to count.</param>
/// <param name="State">Ok or firing.</param>
/// <param name="Since">When the rule entered its state.</param>
/// <param name="LastRatePercent">The latest rate; <see langword="null"/> when the window held too few or it was never evaluated.</param>
/// <param name="LastFailures">Failures in the latest evaluation's window.</param>
/// <param name="LastTotal">Runs (or attempts) in the latest evaluation's window.</param>
/// <param name="LastEvaluatedAt">When it was last evaluated.</param>
public sealed record AlertInfo(
    string Name,
    string Workflow,
    string? Step,
    double ThresholdPercent,
    double ResolvePercent,
    TimeSpan Window,
    int MinimumCount,
    AlertState State,
    DateTimeOffset Since,
    double? LastRatePercent,
    int? LastFailures,
    int? LastTotal,
    DateTimeOffset? LastEvaluatedAt)
{
    /// <summary>What the rule watches.</summary>
    public AlertKind Kind { get; init; }

    /// <summary>The queue of a queue-lag rule; <see langword="null"/> for the other kinds.</summary>
    public string? Queue { get; init; }

    /// <summary>
    /// At the latest evaluation, for a queue-lag rule how long the oldest due run had waited (null: none was due), for
    /// a no-live-worker rule how long since the newest heartbeat; null for a failure-rate rule.
    /// </summary>
    public TimeSpan? LastAge { get; init; }

    /// <summary>For a no-live-worker rule, the newest worker heartbeat seen; null when none was ever seen, and for the other kinds.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }
}
