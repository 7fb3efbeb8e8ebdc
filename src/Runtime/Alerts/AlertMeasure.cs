namespace Inquir.Typed;

/// <summary>
/// One evaluation's numbers for one rule, at the database's clock. A failure-rate rule counts runs (or attempts) in
/// its window; a queue-lag rule has the queue's due runs as <see cref="Total"/> and the oldest one's wait as
/// <see cref="Age"/>; a no-live-worker rule has the live workers as <see cref="Total"/>, the newest heartbeat as
/// <see cref="LastSeenAt"/> and the time since it as <see cref="Age"/>.
/// </summary>
internal sealed record AlertMeasure(DateTimeOffset Now, int Total, int Failures, IReadOnlyList<AlertError> TopErrors)
{
    public double RatePercent => Total == 0 ? 0 : Failures * 100.0 / Total;

    /// <summary>How long the watched thing has lasted: the oldest due run's wait, or the time without a heartbeat; null when nothing waits.</summary>
    public TimeSpan? Age { get; init; }

    /// <summary>The newest worker heartbeat known, for a no-live-worker rule; null when none was ever seen.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }
}
