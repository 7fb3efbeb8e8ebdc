using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Reads and switches stored schedules; next ticks are computed from the stored cron expression and time zone.</summary>
internal sealed class WorkflowSchedules(IHistoryStore store, SchemaReadiness schema, TimeProvider time) : IWorkflowSchedules
{
    private const int NextTickCount = 3;

    public async Task<IReadOnlyList<ScheduleInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var rows = await store.ListSchedulesAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(row => ToInfo(row, now)).ToList();
    }

    public Task PauseAsync(string name, CancellationToken cancellationToken = default) => SetPausedAsync(name, true, cancellationToken);

    public Task ResumeAsync(string name, CancellationToken cancellationToken = default) => SetPausedAsync(name, false, cancellationToken);

    private async Task SetPausedAsync(string name, bool paused, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (!await store.SetSchedulePausedAsync(new SetSchedulePausedRequest(name, paused, time.GetUtcNow()), cancellationToken).ConfigureAwait(false))
        {
            throw new ScheduleNotFoundException(name, nameof(name));
        }
    }

    private static ScheduleInfo ToInfo(ScheduleRow row, DateTimeOffset now)
    {
        var paused = row.Paused || row.PausedByConfiguration;
        return new ScheduleInfo
        {
            Name = row.Name,
            Workflow = row.Workflow,
            Cron = row.Cron,
            TimeZone = row.TimeZone,
            CatchUp = row.CatchUp,
            MaxCatchUp = row.MaxCatchUp,
            Paused = row.Paused,
            PausedByConfiguration = row.PausedByConfiguration,
            PausedAt = row.PausedAt is { } p ? ScheduleRow.Utc(p) : null,
            LastTickAt = row.LastTickAt is { } t ? ScheduleRow.Utc(t) : null,
            NextTicks = paused ? [] : NextTicks(row, now),
            UpdatedAt = ScheduleRow.Utc(row.UpdatedAt),
        };
    }

    // A definition some other deployment wrote may name a zone this machine lacks: then no next tick is shown.
    private static List<DateTimeOffset> NextTicks(ScheduleRow row, DateTimeOffset now)
    {
        if (!CronText.TryParse(row.Cron, out var cron, out _) || !CronText.TryFindZone(row.TimeZone, out var zone, out _))
        {
            return [];
        }

        var from = row.HandledUntil > now ? row.HandledUntil : now;
        var ticks = new List<DateTimeOffset>(NextTickCount);
        var cursor = from.UtcDateTime;
        while (ticks.Count < NextTickCount && cron.GetNextOccurrence(cursor, zone) is { } next)
        {
            ticks.Add(new DateTimeOffset(next, TimeSpan.Zero));
            cursor = next;
        }

        return ticks;
    }
}
