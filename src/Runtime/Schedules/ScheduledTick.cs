namespace Inquir.Typed;

/// <summary>The input of a scheduled workflow: which schedule fired, for which tick, and when it actually fired.</summary>
/// <param name="Schedule">The schedule's name.</param>
/// <param name="ScheduledAt">The tick: the time the cron expression named, in UTC. A run caught up after downtime still gets its own tick.</param>
/// <param name="FiredAt">When a worker started the run, in UTC: later than <paramref name="ScheduledAt"/> when it was caught up.</param>
public sealed record ScheduledTick(string Schedule, DateTimeOffset ScheduledAt, DateTimeOffset FiredAt);
