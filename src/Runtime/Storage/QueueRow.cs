namespace Inquir.Typed.Storage;

/// <summary>A queue as the store reads it: its switch and its unended runs counted by status (times arrive as UTC <see cref="DateTime"/>).</summary>
#pragma warning disable IDE1006 // column names
internal sealed record QueueRow(
    string name,
    bool paused,
    DateTime? paused_at,
    long due,
    long scheduled,
    long running,
    long waiting,
    double? oldest_due_seconds)
#pragma warning restore IDE1006
{
    public static QueueInfo ToInfo(QueueRow row) => new()
    {
        Name = row.name,
        Paused = row.paused,
        PausedAt = row.paused_at is { } at ? ScheduleRow.Utc(at) : null,
        Due = row.due,
        Scheduled = row.scheduled,
        Running = row.running,
        Waiting = row.waiting,
        OldestDueAge = row.oldest_due_seconds is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : null,
    };
}
