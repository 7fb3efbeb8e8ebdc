using System.Globalization;
using Inquir.Typed.SideBySide.Workloads;

namespace Inquir.Typed.SideBySide;

/// <summary>The driver's command line. Counts are small by default so that the whole run fits in ten minutes on two cores.</summary>
public sealed record DriverOptions(
    string ConnectionString,
    int Pipelines,
    int Jobs,
    int DrainPipelines,
    int LatencySamples,
    int HangfireCap,
    int PgbenchSeconds,
    int PgbenchClients,
    TimeSpan Timeout,
    TimeSpan ProgressInterval,
    string OutputSvg,
    IReadOnlySet<string> Systems,
    IReadOnlySet<string> Workloads)
{
    public const string Usage = """
        Inquir.Typed.SideBySide [options]   (run it through scripts/bench-side-by-side.sh, which starts PostgreSQL)
          --pipelines N         3-step pipelines per pipeline workload (default 1000)
          --jobs N              1-step jobs (default 1000)
          --drain N             3-step pipelines started in bulk, then drained (default 10000)
          --latency-samples N   sequential idle starts for p50/p99 (default 200)
          --hangfire-cap N      most pipelines or jobs Hangfire gets per workload (default 200): at its ~10-100
                                steps/s on two cores, 1000 would take the run past ten minutes; steps/s is a rate
          --pgbench-seconds N   duration of each pgbench ceiling run (default 10)
          --pgbench-clients N   pgbench clients (default 8)
          --timeout SECONDS     longest wait for one workload before the driver fails (default 300)
          --systems LIST        which of pgbench,hangfire,inquir,inquir-sqlite,graphile,pg-boss,dbos to run (default all; ratios
                                need hangfire, the peers and pgbench; graphile, pg-boss and dbos are Node peers in benchmarks/peers)
          --workloads LIST      which of pipelines,pipelines64,failing,jobs,jobs64,drain,latency,limits,held,waits to run (default
                                all), e.g. to profile one; pipelines64 and jobs64 start from 64 threads instead of 4; limits, held
                                and waits run on Inquir.Typed only, and are set against pipelines
          --output PATH         SVG chart; the Markdown table is written beside it (default benchmarks/results/side-by-side.svg)
        The database comes from INQUIR_TEST_CONNECTION.
        """;

    /// <summary>How many pipelines or jobs <paramref name="system"/> gets when a workload asks for <paramref name="count"/>.</summary>
    public int CountFor(Systems.SystemUnderTest system, int count) => system.IsHangfire ? Math.Min(count, HangfireCap) : count;

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

        var known = new[] { "pipelines", "jobs", "drain", "latency-samples", "hangfire-cap", "pgbench-seconds", "pgbench-clients", "timeout", "output", "systems", "workloads" };
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
            Count("drain", 10000),
            Count("latency-samples", 200),
            Count("hangfire-cap", 200),
            Count("pgbench-seconds", 10),
            Count("pgbench-clients", 8),
            TimeSpan.FromSeconds(Count("timeout", 300)),
            TimeSpan.FromSeconds(2),
            values.GetValueOrDefault("output", Path.Combine("benchmarks", "results", "side-by-side.svg")),
            ParseList("systems", values.GetValueOrDefault("systems", string.Join(",", AllSystems)), AllSystems),
            ParseList("workloads", values.GetValueOrDefault("workloads", string.Join(",", AllWorkloads)), AllWorkloads));
    }

    public static readonly string[] AllSystems =
        ["pgbench", "hangfire", "inquir", Inquir.InquirSqliteUnderTest.Key, Peers.PeerUnderTest.GraphileKey, Peers.PeerUnderTest.PgBossKey, Peers.PeerUnderTest.DbosKey];

    /// <summary>The flow-control and waiting workloads, Inquir.Typed only (issues 25 and 26); declared before <see cref="AllWorkloads"/>, which takes them.</summary>
    public static readonly string[] FlowWorkloads = [FlowWorkload.Limits, FlowWorkload.Held, FlowWorkload.Waits];

    public static readonly string[] AllWorkloads = ["pipelines", "pipelines64", "failing", "jobs", "jobs64", "drain", "latency", .. FlowWorkloads];

    private static HashSet<string> ParseList(string option, string list, string[] all)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Except(all).ToList();
        return unknown.Count == 0 && names.Count > 0
            ? names
            : throw new ArgumentException($"--{option} takes a comma-separated list of {string.Join(",", all)}, got '{list}'");
    }
}
