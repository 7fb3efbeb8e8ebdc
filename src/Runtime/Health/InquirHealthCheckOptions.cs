namespace Inquir.Typed;

/// <summary>The bounds of the Inquir.Typed health checks added by <c>AddHealthChecks().AddInquir(...)</c>.</summary>
public sealed class InquirHealthCheckOptions
{
    /// <summary>
    /// A worker loop (claim, lease renewal) that has not turned for this long is reported Unhealthy: the process is
    /// up but not working. Default 1 minute; keep it above the poll interval and a third of the lease duration.
    /// </summary>
    public TimeSpan WorkerLoopStalledAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The oldest due, unclaimed run waiting longer than this makes the backlog check Degraded. Default 1 minute.</summary>
    public TimeSpan BacklogDegradedAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The oldest due, unclaimed run waiting longer than this makes the backlog check Unhealthy. Default 10 minutes.</summary>
    public TimeSpan BacklogUnhealthyAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tags added to all three checks, to filter them on an endpoint (<c>"ready"</c>, <c>"live"</c>).</summary>
    public IList<string> Tags { get; } = [];
}
