namespace Inquir.Typed.Storage;

/// <summary>A queue as the store reads it: its switch and its unended runs counted by status (times arrive as UTC <see cref="DateTime"/>).</summary>
internal sealed record QueueRow(
    string Name,
    bool Paused,
    DateTime? PausedAt,
    long Due,
    long Scheduled,
    long Held,
    long Running,
    long Waiting,
    double? OldestDueSeconds)
{
    public static QueueInfo ToInfo(QueueRow row) => new()
    {
        Name = row.Name,
        Paused = row.Paused,
        PausedAt = row.PausedAt is { } at ? ScheduleRow.Utc(at) : null,
        Due = row.Due,
        Scheduled = row.Scheduled,
        Held = row.Held,
        Running = row.Running,
        Waiting = row.Waiting,
        OldestDueAge = row.OldestDueSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : null,
    };
}
