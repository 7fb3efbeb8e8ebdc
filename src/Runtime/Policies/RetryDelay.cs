namespace Inquir.Typed;

/// <summary>How long a step waits before its next attempt: the backoff, capped, then full jitter.</summary>
public static class RetryDelay
{
    /// <summary>The delay before retry <paramref name="retry"/> (1 for the first retry) before jitter.</summary>
    public static TimeSpan Ceiling(StepPolicy policy, int retry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var baseTicks = (double)policy.Delay.Ticks;
        var ticks = policy.Backoff switch
        {
            BackoffKind.None => 0d,
            BackoffKind.Fixed => baseTicks,
            BackoffKind.Linear => baseTicks * retry,
            BackoffKind.Exponential => baseTicks * Math.Pow(2, Math.Min(retry - 1, 62)),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Backoff, "Unknown backoff."),
        };
        return TimeSpan.FromTicks((long)Math.Min(ticks, policy.MaxDelay.Ticks));
    }

    /// <summary>
    /// The delay with full jitter: uniform in [0, ceiling], so that many runs failing together do not retry
    /// together.
    /// </summary>
    public static TimeSpan WithJitter(StepPolicy policy, int retry, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var ceiling = Ceiling(policy, retry);
        var fraction = Math.Clamp(random.NextDouble(), 0d, 1d);
        return TimeSpan.FromTicks((long)(ceiling.Ticks * fraction));
    }
}
