using System.Text.Json;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The schedules table on SQLite: definitions, the pause switch and the latest tick handled. Every value is a bound parameter.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task UpsertSchedulesAsync(IReadOnlyList<ScheduleDefinition> schedules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = JsonSerializer.Serialize(schedules.Select(s => new object[]
        {
            s.Name, s.Workflow.Name, s.CronText, s.TimeZone.Id, ScheduleCatchUpText.Of(s.CatchUp), s.MaxCatchUp, s.PausedByConfiguration,
        }));
        await WriteAsync("Schedules.UpsertSchedules", c => c.Bind("@schedules", rows).Bind("@now", now), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScheduleRow>> ListSchedulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Schedules.ListSchedules");
        return await command.ReadAllAsync(SqliteRows.Schedule, cancellationToken).ConfigureAwait(false);
    }

    public Task AdvanceScheduleAsync(string name, DateTimeOffset tick, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync("Schedules.AdvanceSchedule", c => c.Bind("@name", name).Bind("@tick", tick).Bind("@now", now), cancellationToken);

    public async Task<bool> SetSchedulePausedAsync(string name, bool paused, DateTimeOffset now, CancellationToken cancellationToken) =>
        await WriteAsync(paused ? "Schedules.PauseSchedule" : "Schedules.ResumeSchedule", c => c.Bind("@name", name).Bind("@now", now), cancellationToken).ConfigureAwait(false) > 0;

    // One statement in its own write transaction; returns the rows it wrote.
    private async Task<int> WriteAsync(string script, Func<Microsoft.Data.Sqlite.SqliteCommand, Microsoft.Data.Sqlite.SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var command = bind(connection.Script(script, transaction));
            var written = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
    }
}
