namespace Inquir.Typed;

/// <summary>
/// An alert rule. Of <see cref="AlertKind.FailureRate"/> (the default) it fires when more than
/// <see cref="ThresholdPercent"/> of the runs of <see cref="Workflow"/> that finished in the last <see cref="Window"/>
/// failed (or, with <see cref="Step"/>, of that step's attempts), once the window holds at least
/// <see cref="MinimumCount"/> of them. Of <see cref="AlertKind.QueueLag"/> it fires while the oldest due run of
/// <see cref="Queue"/> has waited longer than <see cref="Over"/>; of <see cref="AlertKind.NoLiveWorker"/>, while no
/// worker's heartbeat is newer than <see cref="Over"/>. Added in code with <c>o.Alerts.Add(name, rule)</c> (or
/// <see cref="AlertRules.QueueLag"/>, <see cref="AlertRules.NoLiveWorker"/>) or in configuration under
/// <c>Inquir:Alerts:{name}</c>.
/// </summary>
/// <example>
/// <code>
/// builder.Services.AddInquir(o =&gt; o.Alerts.Add("exports-failing", new AlertRule
/// {
///     Workflow = "export-data",
///     ThresholdPercent = 20,
///     Window = TimeSpan.FromMinutes(10),
///     MinimumCount = 20,
/// }));
/// </code>
/// </example>
public sealed class AlertRule
{
    /// <summary>What the rule watches. Default <see cref="AlertKind.FailureRate"/>.</summary>
    public AlertKind Kind { get; set; }

    /// <summary>The queue a <see cref="AlertKind.QueueLag"/> rule watches. Required for that kind, not allowed for the others.</summary>
    public string? Queue { get; set; }

    /// <summary>
    /// How long is too long, for <see cref="AlertKind.QueueLag"/> (the oldest due run's wait) and
    /// <see cref="AlertKind.NoLiveWorker"/> (the time since the newest heartbeat): the rule fires past it and resolves
    /// when back under. Required for those kinds, not allowed for <see cref="AlertKind.FailureRate"/> (which has <see cref="Window"/>).
    /// </summary>
    public TimeSpan? Over { get; set; }

    /// <summary>The default of <see cref="Window"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="MinimumCount"/>: 10.</summary>
    public const int DefaultMinimumCount = 10;

    /// <summary>The stored name of the workflow a failure-rate rule watches. Required for that kind.</summary>
    public string? Workflow { get; set; }

    /// <summary>A step of <see cref="Workflow"/>: the rule then counts that step's attempts instead of finished runs.</summary>
    public string? Step { get; set; }

    /// <summary>The failure rate, in percent (0 to 100), above which a failure-rate rule fires. Required for that kind.</summary>
    public double? ThresholdPercent { get; set; }

    /// <summary>
    /// The rate, in percent, at or under which a firing rule resolves: the hysteresis that keeps a rate hovering at
    /// the threshold from firing and resolving at every evaluation. Default four fifths of <see cref="ThresholdPercent"/>.
    /// </summary>
    public double? ResolvePercent { get; set; }

    /// <summary>How far back the rate looks. Default 10 minutes; at least <see cref="AlertingOptions.EvaluationInterval"/>.</summary>
    public TimeSpan Window { get; set; } = DefaultWindow;

    /// <summary>
    /// The fewest finished runs (attempts, for a step rule) the window must hold for the rate to count; with fewer
    /// the rule keeps its state. Default 10.
    /// </summary>
    public int MinimumCount { get; set; } = DefaultMinimumCount;
}
