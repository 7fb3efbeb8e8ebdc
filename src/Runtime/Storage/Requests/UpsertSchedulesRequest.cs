namespace Inquir.Typed.Storage;

/// <summary>The schedules the deployment defines, to insert or update (<c>Schedules/UpsertSchedules.sql</c>).</summary>
internal sealed record UpsertSchedulesRequest(IReadOnlyList<ScheduleDefinition> Schedules, DateTimeOffset Now);
