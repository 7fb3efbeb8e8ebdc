namespace Inquir.Typed.SideBySide.Report;

/// <summary>
/// One measured figure. Throughput figures carry steps per second; latency figures carry p50 and p99 in
/// milliseconds (lower is better).
/// </summary>
public sealed record Figure(string Workload, string System, bool IsHangfire, double? StepsPerSecond, double? P50Ms = null, double? P99Ms = null)
{
    /// <summary>Whether the figure is a system Inquir.Typed is compared with (Hangfire, the Node peers).</summary>
    public bool IsPeer { get; init; }

    public bool IsLatency => P50Ms is not null;
}
