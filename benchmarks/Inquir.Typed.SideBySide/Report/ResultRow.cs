using System.Globalization;

namespace Inquir.Typed.SideBySide.Report;

/// <summary>One line of the final table, already formatted.</summary>
public sealed record ResultRow(string Workload, string System, string Figure, string VersusHangfire, string VersusBestPeer, string OfCeiling)
{
    public static readonly string[] Headers = ["workload", "system", "steps/s or p50/p99", "× Hangfire", "× best peer", "of pgbench 50/tx"];

    public string[] Cells => [Workload, System, Figure, VersusHangfire, VersusBestPeer, OfCeiling];

    /// <summary>
    /// Throughput is compared with the faster Hangfire configuration in the same workload (higher is better);
    /// latency as that configuration's p50 over this one's (so above 1 means faster too). "× best peer" compares
    /// Inquir.Typed the same way with the best of every peer (Hangfire, graphile-worker, pg-boss, DBOS). The ceiling is pgbench's
    /// 50 rows per transaction, the most the database commits for steps that batch.
    /// </summary>
    public static IReadOnlyList<ResultRow> From(IReadOnlyList<Figure> figures)
    {
        var ceiling = figures.Where(f => f.Workload == Workloads.Workload.Ceiling).Max(f => f.StepsPerSecond);
        return figures.Select(f => f.IsLatency ? Latency(f, figures) : Throughput(f, figures, ceiling)).ToList();
    }

    private static ResultRow Throughput(Figure f, IReadOnlyList<Figure> figures, double? ceiling)
    {
        var hangfire = figures.Where(h => h.Workload == f.Workload && h.IsHangfire).Max(h => h.StepsPerSecond);
        var peer = figures.Where(p => p.Workload == f.Workload && p.IsPeer).Max(p => p.StepsPerSecond);
        return new ResultRow(
            f.Workload,
            f.System,
            Number(f.StepsPerSecond!.Value, "N0"),
            hangfire is { } best && !f.IsPeer ? Number(f.StepsPerSecond.Value / best, "F1") + "×" : "",
            peer is { } bestPeer && !f.IsPeer && f.Workload != Workloads.Workload.Ceiling && f.Workload != Workloads.Workload.StartCeiling
                ? Number(f.StepsPerSecond.Value / bestPeer, "F2") + "×"
                : "",
            ceiling is { } most && f.Workload != Workloads.Workload.StartCeiling ? Number(f.StepsPerSecond.Value / most, "P1") : "");
    }

    private static ResultRow Latency(Figure f, IReadOnlyList<Figure> figures)
    {
        var hangfire = figures.Where(h => h.Workload == f.Workload && h.IsHangfire).Min(h => h.P50Ms);
        var peer = figures.Where(p => p.Workload == f.Workload && p.IsPeer).Min(p => p.P50Ms);
        return new ResultRow(
            f.Workload,
            f.System,
            $"{Number(f.P50Ms!.Value, "F2")} / {Number(f.P99Ms!.Value, "F2")} ms",
            hangfire is { } best && !f.IsPeer ? Number(best / f.P50Ms.Value, "F1") + "×" : "",
            peer is { } bestPeer && !f.IsPeer ? Number(bestPeer / f.P50Ms.Value, "F2") + "×" : "",
            "");
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
