namespace Inquir.Typed.Storage;

/// <summary>A <c>schedules</c> row as the store reads it (times arrive as UTC <see cref="DateTime"/>).</summary>
#pragma warning disable IDE1006 // column names
internal sealed record ScheduleRow(
    string name,
    string workflow,
    string cron,
    string time_zone,
    string catch_up,
    int max_catch_up,
    bool paused,
    DateTime? paused_at,
    bool paused_by_configuration,
    DateTime? last_tick_at,
    DateTime created_at,
    DateTime updated_at)
#pragma warning restore IDE1006
{
    /// <summary>Ticks after this one are due: the latest tick handled, or the schedule's creation.</summary>
    public DateTimeOffset HandledUntil => Utc(last_tick_at ?? created_at);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
