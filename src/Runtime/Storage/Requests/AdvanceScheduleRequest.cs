namespace Inquir.Typed.Storage;

/// <summary>The latest tick of a schedule handled (<c>Schedules/AdvanceSchedule.sql</c>).</summary>
internal sealed record AdvanceScheduleRequest(string Name, DateTimeOffset Tick, DateTimeOffset Now);
