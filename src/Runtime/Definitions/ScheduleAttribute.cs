namespace Inquir.Typed;

/// <summary>
/// Starts the workflow on a cron schedule: one run per tick across all workers, whose input is the
/// <see cref="ScheduledTick"/>. The cron string has 5 fields (minute precision) or 6 (with seconds first), as
/// Cronos reads it; time zones and daylight-saving gaps and overlaps follow Cronos. Configuration under
/// <c>Inquir:Schedules:{name}</c> overrides any value without a rebuild.
/// </summary>
/// <example>
/// <code>
/// [Workflow("nightly-report")]
/// [Schedule("0 3 * * *", TimeZone = "Europe/Berlin")]
/// public sealed partial class NightlyReport
/// {
///     [Step(Idempotent = true)]
///     public Task&lt;Report&gt; Build(ScheduledTick tick, CancellationToken ct) =&gt; ...;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ScheduleAttribute : Attribute
{
    /// <summary>How many missed ticks <see cref="ScheduleCatchUp.All"/> runs at most, unless <see cref="MaxCatchUp"/> says otherwise.</summary>
    public const int DefaultMaxCatchUp = 100;

    /// <summary>Creates the attribute.</summary>
    /// <param name="cron">A cron expression: <c>"0 3 * * *"</c> (minute hour day-of-month month day-of-week), or 6 fields with seconds first.</param>
    public ScheduleAttribute(string cron) => Cron = cron;

    /// <summary>The cron expression.</summary>
    public string Cron { get; }

    /// <summary>The time zone the cron expression is read in, such as <c>"Europe/Berlin"</c>. Default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The schedule's stable name, stored with its state and in every tick's idempotency key. Default: the workflow's name.</summary>
    public string? Name { get; set; }

    /// <summary>What happens to ticks that passed while no worker ran. Default <see cref="ScheduleCatchUp.Skip"/>.</summary>
    public ScheduleCatchUp CatchUp { get; set; } = ScheduleCatchUp.Skip;

    /// <summary>With <see cref="ScheduleCatchUp.All"/>, the most missed ticks run (the latest ones); older ones are skipped. Default 100.</summary>
    public int MaxCatchUp { get; set; } = DefaultMaxCatchUp;
}
