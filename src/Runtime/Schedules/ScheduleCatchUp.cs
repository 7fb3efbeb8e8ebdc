namespace Inquir.Typed;

/// <summary>
/// What a schedule does with ticks that passed while no worker was running (Quartz calls them misfires). Ticks that
/// pass while a schedule is paused are never run.
/// </summary>
public enum ScheduleCatchUp
{
    /// <summary>Run the latest missed tick once and skip the others (Quartz's "fire once now").</summary>
    Skip,

    /// <summary>Run every missed tick, oldest first, but at most the latest <see cref="ScheduleAttribute.MaxCatchUp"/> of them.</summary>
    All,
}
