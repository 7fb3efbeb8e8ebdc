namespace Inquir.Typed;

/// <summary>
/// Unended runs that wait, by what they wait for: an event or child runs (status <c>waiting</c>), or the end of a sleep
/// or a snooze (<c>pending</c>, due later, with <c>sleep</c> saying why).
/// </summary>
internal readonly record struct WaitingRuns(long Event, long Children, long Sleep, long Snooze);
