using Dapper;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>The schedules table on PostgreSQL: definitions, the pause switch and the latest tick handled. Every value is a bound parameter.</summary>
internal sealed class ScheduleStore(NpgsqlDataSource dataSource, SqlScripts sql)
{
    private readonly string _upsert = sql.Load("Schedules.UpsertSchedules");
    private readonly string _list = sql.Load("Schedules.ListSchedules");
    private readonly string _advance = sql.Load("Schedules.AdvanceSchedule");
    private readonly string _pause = sql.Load("Schedules.PauseSchedule");
    private readonly string _resume = sql.Load("Schedules.ResumeSchedule");

    public async Task UpsertAsync(IReadOnlyList<ScheduleDefinition> schedules, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _upsert,
            new
            {
                names = schedules.Select(s => s.Name).ToArray(),
                workflows = schedules.Select(s => s.Workflow.Name).ToArray(),
                crons = schedules.Select(s => s.CronText).ToArray(),
                time_zones = schedules.Select(s => s.TimeZone.Id).ToArray(),
                catch_ups = schedules.Select(s => ScheduleCatchUpText.Of(s.CatchUp)).ToArray(),
                max_catch_ups = schedules.Select(s => s.MaxCatchUp).ToArray(),
                paused_by_configuration = schedules.Select(s => s.PausedByConfiguration).ToArray(),
                now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScheduleRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<ScheduleRow>(new CommandDefinition(_list, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    public async Task AdvanceAsync(string name, DateTimeOffset tick, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_advance, new { name, tick, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Pauses or resumes a schedule; false when there is no schedule of that name.</summary>
    public async Task<bool> SetPausedAsync(string name, bool paused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            paused ? _pause : _resume, new { name, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found is not null;
    }
}

/// <summary>A <c>schedules</c> row as Dapper reads it (timestamptz arrives as UTC <see cref="DateTime"/>).</summary>
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

/// <summary>The spelling of <see cref="ScheduleCatchUp"/> in the <c>schedules.catch_up</c> column.</summary>
internal static class ScheduleCatchUpText
{
    public static string Of(ScheduleCatchUp catchUp) => catchUp == ScheduleCatchUp.All ? "all" : "skip";

    public static ScheduleCatchUp Parse(string text) => text == "all" ? ScheduleCatchUp.All : ScheduleCatchUp.Skip;
}
