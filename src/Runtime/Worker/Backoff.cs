namespace Inquir.Typed.Worker;

/// <summary>A delay that doubles with every failure in a row, from <paramref name="first"/> up to 10 s, and starts over after a success.</summary>
internal sealed class Backoff(TimeSpan first)
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(10);
    private TimeSpan _next = TimeSpan.Zero;

    public TimeSpan Next()
    {
        var delay = _next == TimeSpan.Zero ? first : _next;
        _next = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Longest.Ticks));
        return delay < Longest ? delay : Longest;
    }

    public void Reset() => _next = TimeSpan.Zero;
}
