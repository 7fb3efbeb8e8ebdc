namespace Inquir.Typed.Worker;

/// <summary>
/// Timers and delays cannot wait longer than about 49.7 days (<see cref="uint.MaxValue"/> - 1 ms), while a policy
/// allows delays and timeouts of up to a year: longer waits are cut to the longest a timer takes.
/// </summary>
internal static class TimerLimit
{
    public static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static TimeSpan Clamp(TimeSpan wait) => wait > Longest ? Longest : wait;
}
