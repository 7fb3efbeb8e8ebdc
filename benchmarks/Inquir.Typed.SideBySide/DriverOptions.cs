using System.Globalization;

namespace Inquir.Typed.SideBySide;

/// <summary>The driver's command line. Counts are small by default so that the whole run fits in ten minutes on two cores.</summary>
public sealed record DriverOptions(
    string ConnectionString,
    int Pipelines,
    int Jobs,
    int DrainPipelines,
    int LatencySamples,
    int PgbenchSeconds,
    int PgbenchClients,
    TimeSpan Timeout,
    TimeSpan ProgressInterval,
    string OutputSvg)
{
    public const string Usage = """
        Inquir.Typed.SideBySide [options]   (run it through scripts/bench-side-by-side.sh, which starts PostgreSQL)
          --pipelines N         3-step pipelines per pipeline workload (default 1000)
          --jobs N              1-step jobs (default 1000)
          --drain N             waiting 3-step pipelines to drain (default 1000)
          --latency-samples N   sequential idle starts for p50/p99 (default 200)
          --pgbench-seconds N   duration of each pgbench ceiling run (default 10)
          --pgbench-clients N   pgbench clients (default 8)
          --timeout SECONDS     longest wait for one workload before the driver fails (default 300)
          --output PATH         SVG chart; the Markdown table is written beside it (default benchmarks/results/side-by-side.svg)
        The database comes from INQUIR_TEST_CONNECTION.
        """;

    public static DriverOptions Parse(string[] args, string connectionString)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --option value, got '{args[i]}'\n{Usage}");
            }

            values[args[i][2..]] = args[i + 1];
        }

        var known = new[] { "pipelines", "jobs", "drain", "latency-samples", "pgbench-seconds", "pgbench-clients", "timeout", "output" };
        var unknown = values.Keys.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option --{unknown[0]}\n{Usage}");
        }

        int Count(string name, int fallback)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"--{name} takes a positive whole number, got '{text}'");
        }

        return new DriverOptions(
            connectionString,
            Count("pipelines", 1000),
            Count("jobs", 1000),
            Count("drain", 1000),
            Count("latency-samples", 200),
            Count("pgbench-seconds", 10),
            Count("pgbench-clients", 8),
            TimeSpan.FromSeconds(Count("timeout", 300)),
            TimeSpan.FromSeconds(2),
            values.GetValueOrDefault("output", Path.Combine("benchmarks", "results", "side-by-side.svg")));
    }
}
