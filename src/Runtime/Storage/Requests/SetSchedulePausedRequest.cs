namespace Inquir.Typed.Storage;

/// <summary>A schedule to pause or resume (<c>Schedules/PauseSchedule.sql</c>, <c>Schedules/ResumeSchedule.sql</c>).</summary>
internal sealed record SetSchedulePausedRequest(string Name, bool Paused, DateTimeOffset Now);
