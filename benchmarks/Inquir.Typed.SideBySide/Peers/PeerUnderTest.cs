using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Peers;

/// <summary>
/// A Node peer at one of its fastest documented settings (benchmarks/peers/systems/*.mjs say which and why), in a
/// process of its own for each workload. <paramref name="Drains"/> is false where the system has no waiting work to drain.
/// </summary>
public sealed record PeerUnderTest(string Name, string System, string Setting, bool Drains = true) : SystemUnderTest(Name, IsHangfire: false)
{
    public const string GraphileKey = "graphile";
    public const string PgBossKey = "pg-boss";
    public const string DbosKey = "dbos";

    public static readonly PeerUnderTest[] Graphile =
    [
        new("graphile-worker (concurrency 24, local queue 500)", "graphile", "24"),
        new("graphile-worker (concurrency 8, local queue 500)", "graphile", "8"),
    ];

    public static readonly PeerUnderTest[] PgBoss =
    [
        new("pg-boss (batchSize 50)", "pgboss", "50"),
        new("pg-boss (one job at a time)", "pgboss", "1"),
    ];

    public static readonly PeerUnderTest[] Dbos =
    [
        new("DBOS (in-process start)", "dbos", "direct", Drains: false),
        new("DBOS (queue, 50 ms poll)", "dbos", "queue"),
    ];

    public override bool IsPeer => true;

    // Their tables are not Inquir.Typed's runs table, whose counters the notes read.
    public override bool CountsPostgresWork => false;

    public override bool CanDrain => Drains;

    public override async Task<IJobSystem> CreateAsync(string connectionString, string schema) =>
        new PeerSystem(await PeerProcess.StartAsync(Name, System, Setting, connectionString, schema, TimeSpan.FromMinutes(2)));
}
