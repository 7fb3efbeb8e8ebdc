namespace Inquir.Typed.Storage;

/// <summary>Top-level runs that finished in one bucket with one status (<c>RunThroughput.sql</c>'s first result).</summary>
internal sealed record FinishedCount(RunStatus Status, DateTimeOffset BucketStart, long Runs);

/// <summary>Failed attempts started in one bucket (<c>RunThroughput.sql</c>'s second result).</summary>
internal sealed record FailedAttemptCount(DateTimeOffset BucketStart, long Attempts);

/// <summary>Builds the buckets of <see cref="IWorkflowHistory.ThroughputAsync"/> from the rows every store reads: one per bucket of the range, empty ones included, so that all stores answer alike and a chart has no holes.</summary>
internal static class ThroughputAssembly
{
    public static IReadOnlyList<ThroughputBucket> Buckets(RunThroughputRequest request, IEnumerable<FinishedCount> finished, IEnumerable<FailedAttemptCount> failedAttempts)
    {
        var runs = finished.ToLookup(c => c.BucketStart);
        var attempts = failedAttempts.ToDictionary(c => c.BucketStart, c => c.Attempts);
        var size = TimeSpan.FromSeconds(request.BucketSeconds);
        var first = FirstBucket(request.Since, size);
        var buckets = new List<ThroughputBucket>();
        for (var start = first; start < request.Until; start += size)
        {
            var inBucket = runs[start].ToList();
            long Of(RunStatus status) => inBucket.Where(c => c.Status == status).Sum(c => c.Runs);
            buckets.Add(new ThroughputBucket(start, Of(RunStatus.Succeeded), Of(RunStatus.Failed), Of(RunStatus.Cancelled), attempts.GetValueOrDefault(start)));
        }

        return buckets;
    }

    /// <summary>The start of the bucket that holds <paramref name="since"/>: buckets are multiples of their size since the Unix epoch, as the SQL computes them.</summary>
    public static DateTimeOffset FirstBucket(DateTimeOffset since, TimeSpan size)
    {
        var seconds = since.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (((seconds % (long)size.TotalSeconds) + (long)size.TotalSeconds) % (long)size.TotalSeconds));
    }
}
