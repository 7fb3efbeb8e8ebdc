namespace Inquir.Typed;

/// <summary>How many runs were created in a time range, by workflow, status and time bucket, and the backlog now.</summary>
/// <param name="Counts">Runs created in the range, one entry per workflow, status and bucket that has any.</param>
/// <param name="Due">Runs due and not claimed now.</param>
/// <param name="OldestDueWait">How long the oldest due run has waited; zero when none is due.</param>
public sealed record RunActivity(IReadOnlyList<RunCount> Counts, long Due, TimeSpan OldestDueWait);

/// <summary>How many runs of one workflow created in one time bucket are in one status now.</summary>
/// <param name="Workflow">The workflow.</param>
/// <param name="Status">The runs' status now.</param>
/// <param name="BucketStart">The start of the bucket (UTC, a multiple of the bucket size since the Unix epoch).</param>
/// <param name="Runs">How many runs.</param>
public sealed record RunCount(string Workflow, RunStatus Status, DateTimeOffset BucketStart, long Runs);
