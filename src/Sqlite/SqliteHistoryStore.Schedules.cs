using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The schedules table on SQLite: definitions, the pause switch and the latest tick handled. Every value is a bound parameter.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task UpsertSchedulesAsync(UpsertSchedulesRequest request, CancellationToken cancellationToken)
    {
        var rows = SqliteJson.Write(request.Schedules.Select(s => new object[]
        {
            s.Name, s.Workflow.Name, s.CronText, s.TimeZone.Id, ScheduleCatchUpText.Of(s.CatchUp), s.MaxCatchUp, s.PausedByConfiguration,
        }));
        await WriteAsync("Schedules.UpsertSchedules", c => c.Bind("@schedules", rows).Bind("@now", request.Now), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScheduleRow>> ListSchedulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Schedules.ListSchedules");
        return await command.ReadAllAsync(HistoryResults.Schedule, cancellationToken).ConfigureAwait(false);
    }

    public Task AdvanceScheduleAsync(AdvanceScheduleRequest request, CancellationToken cancellationToken) =>
        WriteAsync("Schedules.AdvanceSchedule", c => c.Bind("@name", request.Name).Bind("@tick", request.Tick).Bind("@now", request.Now), cancellationToken);

    public async Task<bool> SetSchedulePausedAsync(SetSchedulePausedRequest request, CancellationToken cancellationToken) =>
        await WriteAsync(
            request.Paused ? "Schedules.PauseSchedule" : "Schedules.ResumeSchedule", c => c.Bind("@name", request.Name).Bind("@now", request.Now), cancellationToken).ConfigureAwait(false) > 0;

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
