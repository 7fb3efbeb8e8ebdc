using Dapper;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The schedules table on PostgreSQL: definitions, the pause switch and the latest tick handled. Every value is a bound parameter.</summary>
internal sealed partial class PostgresHistoryStore
{
    private readonly string _upsertSchedules = sql.Load("Schedules.UpsertSchedules");
    private readonly string _listSchedules = sql.Load("Schedules.ListSchedules");
    private readonly string _advanceSchedule = sql.Load("Schedules.AdvanceSchedule");
    private readonly string _pauseSchedule = sql.Load("Schedules.PauseSchedule");
    private readonly string _resumeSchedule = sql.Load("Schedules.ResumeSchedule");

    public async Task UpsertSchedulesAsync(UpsertSchedulesRequest request, CancellationToken cancellationToken)
    {
        var schedules = request.Schedules;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _upsertSchedules,
            new
            {
                names = schedules.Select(s => s.Name).ToArray(),
                workflows = schedules.Select(s => s.Workflow.Name).ToArray(),
                crons = schedules.Select(s => s.CronText).ToArray(),
                time_zones = schedules.Select(s => s.TimeZone.Id).ToArray(),
                catch_ups = schedules.Select(s => ScheduleCatchUpText.Of(s.CatchUp)).ToArray(),
                max_catch_ups = schedules.Select(s => s.MaxCatchUp).ToArray(),
                paused_by_configuration = schedules.Select(s => s.PausedByConfiguration).ToArray(),
                now = request.Now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScheduleRow>> ListSchedulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ReadAsync(new CommandDefinition(_listSchedules, cancellationToken: cancellationToken), HistoryResults.Schedule).ConfigureAwait(false);
    }

    public async Task AdvanceScheduleAsync(AdvanceScheduleRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _advanceSchedule, new { name = request.Name, tick = request.Tick, now = request.Now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> SetSchedulePausedAsync(SetSchedulePausedRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var found = await connection.ReadAsync(
            new CommandDefinition(request.Paused ? _pauseSchedule : _resumeSchedule, new { name = request.Name, now = request.Now }, cancellationToken: cancellationToken),
            HistoryResults.ScheduleName).ConfigureAwait(false);
        return found.Count > 0;
    }
}
