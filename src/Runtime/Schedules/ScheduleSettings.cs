namespace Inquir.Typed;

/// <summary>
/// A schedule from configuration, <c>Inquir:Schedules:{name}</c>. It defines a new schedule (with <see cref="Workflow"/>
/// and <see cref="Cron"/>), or overrides the values of a <see cref="ScheduleAttribute"/> of the same name.
/// </summary>
public sealed class ScheduleSettings
{
    /// <summary>The stored name of the workflow to start; needed unless a <see cref="ScheduleAttribute"/> has this schedule's name.</summary>
    public string? Workflow { get; set; }

    /// <summary>The cron expression, 5 or 6 fields.</summary>
    public string? Cron { get; set; }

    /// <summary>The time zone the cron expression is read in, such as <c>"Europe/Berlin"</c>. Default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// The run input as JSON, for a workflow whose input is not <see cref="ScheduledTick"/>; every tick starts a run
    /// with this input. When unset, the input is the tick.
    /// </summary>
    public string? Input { get; set; }

    /// <summary>Holds the schedule paused while set, whatever <c>inquir schedules resume</c> says; ticks that pass meanwhile are not run.</summary>
    public bool? Paused { get; set; }

    /// <summary>What happens to ticks missed while no worker ran.</summary>
    public ScheduleCatchUp? CatchUp { get; set; }

    /// <summary>With <see cref="ScheduleCatchUp.All"/>, the most missed ticks run.</summary>
    public int? MaxCatchUp { get; set; }
}
