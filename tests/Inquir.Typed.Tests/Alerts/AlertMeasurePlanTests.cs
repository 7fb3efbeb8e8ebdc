using System.Text.Json;
using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store;
using Npgsql;
using Xunit.Abstractions;

namespace Inquir.Typed.Tests.Alerts;

/// <summary>
/// An alert evaluation reads its window, not the workflow's retained history: on 300,000 finished runs (one a second,
/// each with one attempt of its step), a one-hour window holds 3,600, and the measures' plans, run with ANALYZE, read
/// about that many rows of each table.
/// </summary>
public sealed class AlertMeasurePlanTests(AlertMeasurePlanTests.History history, ITestOutputHelper output) : IClassFixture<AlertMeasurePlanTests.History>
{
    private const int FinishedRuns = 300_000;
    private const int RunsInWindow = 3_600;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(RunsInWindow);

    [Fact]
    public async Task The_workflow_measure_reads_only_the_runs_finished_in_its_window()
    {
        var scans = await history.ExplainAsync("Alerts.MeasureWorkflow");
        output.WriteLine(string.Join("\n", scans));

        AssertReadsOnlyTheWindow(scans, "runs");
    }

    [Fact]
    public async Task The_step_measure_reads_only_the_attempts_started_in_its_window()
    {
        var scans = await history.ExplainAsync("Alerts.MeasureStep");
        output.WriteLine(string.Join("\n", scans));

        AssertReadsOnlyTheWindow(scans, "attempts");
        AssertReadsOnlyTheWindow(scans, "runs");
    }

    // Twice the window leaves room for a plan that reads a few more than it keeps; a scan of the history reads 300,000.
    private static void AssertReadsOnlyTheWindow(IReadOnlyList<Scan> scans, string table)
    {
        var read = scans.Where(s => s.Table == table).Sum(s => s.RowsRead);
        Assert.True(
            read <= 2 * RunsInWindow && !scans.Any(s => s.Table == table && s.Node == "Seq Scan"),
            $"The measure read {read:N0} rows of {table} for {RunsInWindow:N0} in its window, out of {FinishedRuns:N0}:\n{string.Join("\n", scans)}");
    }

    /// <summary>One node of a plan that reads a table, and how many rows it read: those it returned and those it filtered out.</summary>
    public sealed record Scan(string Node, string Table, string? Index, long RowsRead)
    {
        public override string ToString() => $"{Node} on {Table}{(Index is null ? "" : " using " + Index)}: {RowsRead:N0} rows read";
    }

    /// <summary>
    /// A schema holding the finished runs and their attempts, written once for the class, in a database of its own
    /// (see TestDatabase.CreateDatabaseAsync).
    /// </summary>
    public sealed class History : IAsyncLifetime
    {
        private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        private readonly string _schema = TestDatabase.NewSchema();
        private string? _connectionString;
        private NpgsqlDataSource? _dataSource;

        public async Task InitializeAsync()
        {
            _connectionString = await TestDatabase.CreateDatabaseAsync();
            _dataSource = NpgsqlDataSource.Create(_connectionString);
            await StoreFactory.NewStore(_dataSource, _schema).MigrateAsync(default);
            await using var connection = await _dataSource.OpenConnectionAsync();
            var schema = SqlScripts.QuoteIdentifier(_schema);
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO {schema}.runs (id, workflow, status, step_index, step_name, attempt, input, error, created_at, updated_at, started_at, completed_at)
                SELECT gen_random_uuid(), 'orders', CASE WHEN n % 10 = 0 THEN 'failed' ELSE 'succeeded' END, 1, 'Charge', 1, '{"{}"}',
                       CASE WHEN n % 10 = 0 THEN 'card declined ' || n % 7 END, t, t, t, t
                FROM generate_series(1, @runs) AS n, LATERAL (SELECT @now::timestamptz - n * interval '1 second' AS t) AS c;
                INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms, outcome, error_message)
                SELECT id, 0, 'Charge', 1, 'w', completed_at - interval '100 milliseconds', 100,
                       CASE WHEN status = 'failed' THEN 'failed' ELSE 'succeeded' END, error
                FROM {schema}.runs;
                ANALYZE {schema}.runs, {schema}.attempts;
                """,
                new { runs = FinishedRuns, now = Now },
                commandTimeout: 0));
        }

        public async Task<IReadOnlyList<Scan>> ExplainAsync(string measure)
        {
            await using var connection = await _dataSource!.OpenConnectionAsync();
            var plan = await connection.ExecuteScalarAsync<string>(
                "EXPLAIN (ANALYZE, FORMAT JSON)\n" + new SqlScripts(_schema).Load(measure),
                new { now = Now, window = Window, workflow = "orders", step = "Charge", topErrors = 5 });
            using var document = JsonDocument.Parse(plan!);
            var scans = new List<Scan>();
            Collect(document.RootElement[0].GetProperty("Plan"), scans);
            return scans;
        }

        public async Task DisposeAsync()
        {
            if (_dataSource is not null)
            {
                await _dataSource.DisposeAsync();
            }

            if (_connectionString is not null)
            {
                await TestDatabase.DropDatabaseAsync(_connectionString);
            }
        }

        private static void Collect(JsonElement node, List<Scan> scans)
        {
            if (node.TryGetProperty("Relation Name", out var table))
            {
                var perLoop = Number(node, "Actual Rows") + Number(node, "Rows Removed by Filter") + Number(node, "Rows Removed by Index Recheck");
                scans.Add(new Scan(
                    node.GetProperty("Node Type").GetString()!,
                    table.GetString()!,
                    node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
                    perLoop * Math.Max(1, Number(node, "Actual Loops"))));
            }

            if (node.TryGetProperty("Plans", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Collect(child, scans);
                }
            }
        }

        private static long Number(JsonElement node, string name) => node.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
    }
}
