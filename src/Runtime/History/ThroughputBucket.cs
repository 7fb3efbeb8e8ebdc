namespace Inquir.Typed;

/// <summary>What finished and what failed in one time bucket, for charts of throughput and failures.</summary>
/// <param name="Start">The start of the bucket (UTC, a multiple of the bucket size since the Unix epoch).</param>
/// <param name="Succeeded">Top-level runs that succeeded in the bucket (a child run is part of its parent's work and is not counted).</param>
/// <param name="Failed">Top-level runs that failed in the bucket.</param>
/// <param name="Cancelled">Top-level runs cancelled in the bucket.</param>
/// <param name="FailedAttempts">Attempts of any run that started in the bucket and failed, timed out or were abandoned, retried or not.</param>
public sealed record ThroughputBucket(DateTimeOffset Start, long Succeeded, long Failed, long Cancelled, long FailedAttempts)
{
    /// <summary>Top-level runs that finished in the bucket, however they ended.</summary>
    public long Finished => Succeeded + Failed + Cancelled;
}
