namespace Inquir.Typed;

/// <summary>A schedule as stored: its definition, whether it is paused, its latest tick and its next ones.</summary>
public sealed record ScheduleInfo
{
    /// <summary>The schedule's name.</summary>
    public required string Name { get; init; }

    /// <summary>The stored name of the workflow each tick starts.</summary>
    public required string Workflow { get; init; }

    /// <summary>The cron expression.</summary>
    public required string Cron { get; init; }

    /// <summary>The time zone the cron expression is read in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>What happens to ticks missed while no worker ran.</summary>
    public required ScheduleCatchUp CatchUp { get; init; }

    /// <summary>With <see cref="ScheduleCatchUp.All"/>, the most missed ticks run.</summary>
    public required int MaxCatchUp { get; init; }

    /// <summary>Paused by an operator (<see cref="IWorkflowSchedules.PauseAsync"/>, <c>inquir schedules pause</c>).</summary>
    public required bool Paused { get; init; }

    /// <summary>Held paused by <c>Inquir:Schedules:{name}:Paused</c>; resuming does not lift it.</summary>
    public required bool PausedByConfiguration { get; init; }

    /// <summary>Whether ticks start runs now: neither an operator nor configuration holds the schedule paused.</summary>
    public bool IsActive => !Paused && !PausedByConfiguration;

    /// <summary>When an operator paused it.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>The latest tick that started a run (or passed while paused).</summary>
    public DateTimeOffset? LastTickAt { get; init; }

    /// <summary>The next ticks that will start runs, in UTC; empty while paused.</summary>
    public required IReadOnlyList<DateTimeOffset> NextTicks { get; init; }

    /// <summary>When a host last wrote the definition.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
