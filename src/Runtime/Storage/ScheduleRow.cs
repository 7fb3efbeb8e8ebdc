namespace Inquir.Typed.Storage;

/// <summary>A <c>schedules</c> row as the store reads it, by column name (times arrive as UTC <see cref="DateTime"/>).</summary>
internal sealed record ScheduleRow(
    string Name,
    string Workflow,
    string Cron,
    string TimeZone,
    ScheduleCatchUp CatchUp,
    int MaxCatchUp,
    bool Paused,
    DateTime? PausedAt,
    bool PausedByConfiguration,
    DateTime? LastTickAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Ticks after this one are due: the latest tick handled, or the schedule's creation.</summary>
    public DateTimeOffset HandledUntil => Utc(LastTickAt ?? CreatedAt);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
