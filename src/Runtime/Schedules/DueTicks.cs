namespace Inquir.Typed;

/// <summary>
/// Which ticks of a schedule to start now: those after the latest one handled, up to and including now, cut to
/// the latest one (<see cref="ScheduleCatchUp.Skip"/>) or the latest <see cref="ScheduleDefinition.MaxCatchUp"/>
/// (<see cref="ScheduleCatchUp.All"/>).
/// </summary>
internal static class DueTicks
{
    /// <returns>The ticks to start, oldest first, and how many earlier ones were passed over.</returns>
    public static (IReadOnlyList<DateTimeOffset> Start, int PassedOver) Find(ScheduleDefinition schedule, DateTimeOffset handledUntil, DateTimeOffset now)
    {
        if (handledUntil >= now)
        {
            return ([], 0);
        }

        // Walked forward and kept in a window, so a week of per-second ticks costs time but never memory.
        var keep = schedule.CatchUp == ScheduleCatchUp.All ? schedule.MaxCatchUp : 1;
        var window = new Queue<DateTime>(Math.Min(keep, 16));
        var total = 0;
        foreach (var tick in schedule.Cron.GetOccurrences(handledUntil.UtcDateTime, now.UtcDateTime, schedule.TimeZone, fromInclusive: false, toInclusive: true))
        {
            total++;
            if (window.Count == keep)
            {
                window.Dequeue();
            }

            window.Enqueue(tick);
        }

        return (window.Select(t => new DateTimeOffset(t, TimeSpan.Zero)).ToList(), total - window.Count);
    }
}
