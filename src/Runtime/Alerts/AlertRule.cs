namespace Inquir.Typed;

/// <summary>
/// A failure-rate alert rule: it fires when more than <see cref="ThresholdPercent"/> of the runs of
/// <see cref="Workflow"/> that finished in the last <see cref="Window"/> failed (or, with <see cref="Step"/>, of that
/// step's attempts), once the window holds at least <see cref="MinimumCount"/> of them. Added in code with
/// <c>o.Alerts.Add(name, rule)</c> or in configuration under <c>Inquir:Alerts:{name}</c>.
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
    /// <summary>The default of <see cref="Window"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(10);

    /// <summary>The default of <see cref="MinimumCount"/>: 10.</summary>
    public const int DefaultMinimumCount = 10;

    /// <summary>The stored name of the workflow the rule watches. Required.</summary>
    public string? Workflow { get; set; }

    /// <summary>A step of <see cref="Workflow"/>: the rule then counts that step's attempts instead of finished runs.</summary>
    public string? Step { get; set; }

    /// <summary>The failure rate, in percent (0 to 100), above which the rule fires. Required.</summary>
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
