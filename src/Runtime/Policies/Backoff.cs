namespace Inquir.Typed;

/// <summary>
/// A delay that doubles with every failure in a row, from <paramref name="first"/> up to <paramref name="longest"/>
/// (10 s unless given), and starts over after a success.
/// </summary>
internal sealed class Backoff(TimeSpan first, TimeSpan? longest = null)
{
    private readonly TimeSpan _longest = longest ?? TimeSpan.FromSeconds(10);
    private TimeSpan _next = TimeSpan.Zero;

    public TimeSpan Next()
    {
        var delay = _next == TimeSpan.Zero ? first : _next;
        _next = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _longest.Ticks));
        return delay < _longest ? delay : _longest;
    }

    public void Reset() => _next = TimeSpan.Zero;
}
