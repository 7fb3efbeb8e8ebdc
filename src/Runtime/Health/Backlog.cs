namespace Inquir.Typed;

/// <summary>Runs due and not claimed, and how long the oldest of them has waited (zero when none is due).</summary>
internal readonly record struct Backlog(long Due, TimeSpan OldestWait);
