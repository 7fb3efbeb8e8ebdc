using System.Globalization;

namespace Inquir.Typed.SideBySide.Report;

/// <summary>What the figures were measured under: the machine, its load, the database's settings and the counts.</summary>
public sealed record RunConditions(
    DateTimeOffset When,
    int Cores,
    string LoadBefore,
    string LoadAfter,
    IReadOnlyList<(string Name, string Value)> Settings,
    DriverOptions Options)
{
    public string Summary =>
        $"{When:yyyy-MM-dd HH:mm} UTC, {Cores} cores, load {LoadBefore} → {LoadAfter}; " +
        string.Join(", ", Settings.Where(s => s.Name is "fsync" or "synchronous_commit" or "shared_buffers").Select(s => $"{s.Name}={s.Value}"));

    public string Markdown =>
        $"Measured {When:yyyy-MM-dd HH:mm} UTC on {Cores.ToString(CultureInfo.InvariantCulture)} cores; load average (1, 5, 15 min) " +
        $"{LoadBefore} before and {LoadAfter} after. PostgreSQL: " +
        string.Join(", ", Settings.Select(s => $"`{s.Name}={s.Value}`")) + ". " +
        $"Counts: {Options.Pipelines} pipelines per pipeline workload, {Options.Jobs} one-step jobs, " +
        $"{Options.DrainPipelines} pipelines drained (Hangfire at most {Options.HangfireCap} of each), " +
        $"{Options.LatencySamples} sequential latency samples; runs started from 4 threads (64 in the 64-starter workloads); " +
        $"pgbench {Options.PgbenchClients} clients for {Options.PgbenchSeconds} s. Every step's executions were counted and checked.";

    public static string ReadLoad()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(" ", File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }
}
