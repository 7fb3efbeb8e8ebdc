namespace Inquir.Typed;

/// <summary>
/// What an alert sink is told when a rule starts firing or resolves. The failure-rate numbers are those of a
/// <see cref="AlertKind.FailureRate"/> rule; a rule of another kind has an empty <paramref name="Workflow"/>, zero
/// percentages and its <see cref="AlertRule.Over"/> as <paramref name="Window"/>, and says what it saw in
/// <see cref="Queue"/>, <see cref="Age"/> and <see cref="LastSeenAt"/>.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Status">Firing or resolved.</param>
/// <param name="Workflow">The workflow a failure-rate rule watches; empty for the other kinds.</param>
/// <param name="Step">The step, for a step rule; <see langword="null"/> for a workflow rule.</param>
/// <param name="RatePercent">The failure rate measured, in percent.</param>
/// <param name="ThresholdPercent">The rule's threshold, in percent.</param>
/// <param name="ResolvePercent">The rate at or under which the rule resolves, in percent.</param>
/// <param name="Window">How far back the rate looked; for the other kinds, the rule's <see cref="AlertRule.Over"/>.</param>
/// <param name="Failures">Failed runs (or attempts) in the window.</param>
/// <param name="Total">Finished runs (or attempts) in the window; for a queue-lag rule the queue's due runs, for a no-live-worker rule the live workers.</param>
/// <param name="TopErrors">The commonest error messages of the failures in the window, commonest first.</param>
/// <param name="StartsAt">When the rule started firing.</param>
/// <param name="EndsAt">When it resolved; <see langword="null"/> while firing.</param>
public sealed record AlertNotice(
    string Rule,
    AlertStatus Status,
    string Workflow,
    string? Step,
    double RatePercent,
    double ThresholdPercent,
    double ResolvePercent,
    TimeSpan Window,
    int Failures,
    int Total,
    IReadOnlyList<AlertError> TopErrors,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt)
{
    /// <summary>
    /// The notice's id, the same at every delivery of it: a notice is delivered at least once (again after a sink
    /// failed, or when the process sending it stopped), so a receiver drops one whose id it has seen. The webhook
    /// sends it as the <c>webhook-id</c> header and as <c>inquir.noticeId</c> in the body.
    /// </summary>
    public Guid Id { get; init; }

    /// <summary>What the rule watches.</summary>
    public AlertKind Kind { get; init; }

    /// <summary>The queue of a queue-lag rule; <see langword="null"/> for the other kinds.</summary>
    public string? Queue { get; init; }

    /// <summary>
    /// For a queue-lag rule how long the queue's oldest due run had waited, for a no-live-worker rule how long since
    /// the newest heartbeat; <see langword="null"/> for a failure-rate rule and when no due run waited.
    /// </summary>
    public TimeSpan? Age { get; init; }

    /// <summary>For a no-live-worker rule, the newest worker heartbeat seen; <see langword="null"/> when none was ever seen, and for the other kinds.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }
}

/// <summary>An error message and how many failures in the window had it.</summary>
public sealed record AlertError(string Message, int Count);

/// <summary>What a notice says about its rule.</summary>
public enum AlertStatus
{
    /// <summary>The rate rose above the threshold (the wait, or the time without a heartbeat, passed the rule's <see cref="AlertRule.Over"/>).</summary>
    Firing,

    /// <summary>The rate fell back to the rule's resolve level (the wait, or the time without a heartbeat, is back under <see cref="AlertRule.Over"/>).</summary>
    Resolved,
}
