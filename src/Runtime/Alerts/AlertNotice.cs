namespace Inquir.Typed;

/// <summary>What an alert sink is told when a rule starts firing or resolves.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Status">Firing or resolved.</param>
/// <param name="Workflow">The workflow the rule watches.</param>
/// <param name="Step">The step, for a step rule; <see langword="null"/> for a workflow rule.</param>
/// <param name="RatePercent">The failure rate measured, in percent.</param>
/// <param name="ThresholdPercent">The rule's threshold, in percent.</param>
/// <param name="ResolvePercent">The rate at or under which the rule resolves, in percent.</param>
/// <param name="Window">How far back the rate looked.</param>
/// <param name="Failures">Failed runs (or attempts) in the window.</param>
/// <param name="Total">Finished runs (or attempts) in the window.</param>
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
}

/// <summary>An error message and how many failures in the window had it.</summary>
public sealed record AlertError(string Message, int Count);

/// <summary>What a notice says about its rule.</summary>
public enum AlertStatus
{
    /// <summary>The rate rose above the threshold.</summary>
    Firing,

    /// <summary>The rate fell back to the rule's resolve level.</summary>
    Resolved,
}
