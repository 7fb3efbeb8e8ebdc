namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The map of the two stores' migrations. SQLite's started later, so its first migration holds several of
/// PostgreSQL's, and their numbers differ; a version number is what a database records as applied, so numbers are
/// never changed once shipped. Instead each SQLite migration names the PostgreSQL migrations it makes the same
/// change as, the first of which shares its name (the part after the number). The next change to both stores takes
/// the next number in each, the same name in both, and a row here (docs/sqlite.md, "Migrations").
/// </summary>
public sealed class MigrationMapTests
{
    // Each SQLite migration, and the PostgreSQL migrations whose change it makes: the first shares its name.
    private static readonly (string Sqlite, string[] Postgres)[] Map =
    [
        ("0001_create_runs", ["0001_create_runs", "0002_run_history", "0003_retention_indexes", "0004_completion_identity", "0005_schedules", "0006_attempt_logs"]),
        ("0002_waiting_for_children", ["0008_waiting_for_children"]),
        // Also the workflow index of PostgreSQL's 0014_alert_measure_index (runs_finished_by_workflow), with the alerts.
        ("0003_trace_context", ["0009_trace_context", "0007_alerts"]),
        ("0004_attempt_search", ["0010_attempt_search"]),
        ("0005_run_shape", ["0012_run_shape"]),
        ("0006_awaited_membership", ["0013_awaited_membership"]),
        ("0007_alert_measure_index", ["0014_alert_measure_index"]),
        ("0008_alert_notices", ["0015_alert_notices"]),
        ("0009_queues_and_priorities", ["0016_queues_and_priorities"]),
        ("0010_flow_limits", ["0017_flow_limits"]),
        ("0011_sleep_snooze_deadlines", ["0018_sleep_snooze_deadlines"]),
        ("0012_start_policies", ["0019_start_policies"]),
        ("0013_events", ["0020_events"]),
        ("0015_limit_definitions", ["0022_limit_definitions"]),
        ("0016_run_notifications", ["0023_run_notifications"]),
        ("0017_alert_kinds", ["0024_alert_kinds"]),
        ("0018_held_runs_by_priority", ["0025_held_runs_by_priority"]),
    ];

    // PostgreSQL migrations with no SQLite counterpart, and why.
    private static readonly Dictionary<string, string> PostgresOnly = new(StringComparer.Ordinal)
    {
        ["0011_hot_updates"] = "fillfactor and indexes that keep PostgreSQL's run updates HOT; SQLite has no such thing to tune",
    };

    [Fact]
    public void Every_migration_of_both_stores_is_in_the_map()
    {
        var sqlite = Migrations("src/Sqlite/Sql/Migrations");
        var postgres = Migrations("src/Postgres/Sql/Migrations");
        var mappedPostgres = Map.SelectMany(m => m.Postgres).Concat(PostgresOnly.Keys).ToList();

        Assert.Equal(sqlite, Map.Select(m => m.Sqlite).Order(StringComparer.Ordinal));
        Assert.Equal(postgres, mappedPostgres.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.Equal(mappedPostgres.Count, mappedPostgres.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_sqlite_migration_shares_its_name_with_the_first_postgres_migration_it_maps_to()
    {
        var differing = Map
            .Where(m => Suffix(m.Sqlite) != Suffix(m.Postgres[0]))
            .Select(m => $"SQLite {m.Sqlite} maps to PostgreSQL {m.Postgres[0]}: the names after the numbers differ")
            .ToList();

        Assert.True(differing.Count == 0, string.Join("\n", differing));
    }

    [Fact]
    public void The_sqlite_page_shows_the_map()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs/sqlite.md"));
        var missing = Map
            .Select(m => $"| `{m.Sqlite}` | `{m.Postgres[0]}`")
            .Concat(PostgresOnly.Keys.Select(p => $"| none | `{p}`"))
            .Where(row => !page.Contains(row, StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, "docs/sqlite.md's migration map lacks these rows:\n" + string.Join("\n", missing));
    }

    private static string Suffix(string migration) => migration[(migration.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private static List<string> Migrations(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.sql")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();
}
