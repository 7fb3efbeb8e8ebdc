using System.Text.Json;
using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store;
using Npgsql;
using Xunit.Abstractions;

namespace Inquir.Typed.Tests.HistoryApi;

/// <summary>
/// The dashboard's throughput chart reads its window, not the retained history: on 100,000 finished runs (one a
/// second, each with one attempt, one in ten failed), the last hour holds 3,600 runs and 360 failed attempts, and
/// both statements of <c>RunThroughput.sql</c>, run with ANALYZE, read about that many rows through an index.
/// </summary>
public sealed class ThroughputPlanTests(ThroughputPlanTests.History history, ITestOutputHelper output) : IClassFixture<ThroughputPlanTests.History>
{
    private const int FinishedRuns = 100_000;
    private const int RunsInWindow = 3_600;

    [Fact]
    public async Task The_finished_runs_are_counted_from_the_runs_of_the_window_only()
    {
        var scans = await history.ExplainAsync(statement: 0);
        output.WriteLine(string.Join("\n", scans));

        AssertReadsOnlyTheWindow(scans, "runs");
    }

    [Fact]
    public async Task The_failed_attempts_are_counted_from_the_attempts_of_the_window_only()
    {
        var scans = await history.ExplainAsync(statement: 1);
        output.WriteLine(string.Join("\n", scans));

        AssertReadsOnlyTheWindow(scans, "attempts");
    }

    // Twice the window leaves room for a plan that reads a few more than it keeps; a scan of the history reads 100,000.
    private static void AssertReadsOnlyTheWindow(IReadOnlyList<Scan> scans, string table)
    {
        var read = scans.Where(s => s.Table == table).Sum(s => s.RowsRead);
        Assert.True(
            scans.Any(s => s.Table == table) && read <= 2 * RunsInWindow && !scans.Any(s => s.Table == table && s.Node == "Seq Scan"),
            $"The count read {read:N0} rows of {table} for {RunsInWindow:N0} runs in its window, out of {FinishedRuns:N0}:\n{string.Join("\n", scans)}");
    }

    /// <summary>One node of a plan that reads a table, and how many rows it read: those it returned and those it filtered out.</summary>
    public sealed record Scan(string Node, string Table, string? Index, long RowsRead)
    {
        public override string ToString() => $"{Node} on {Table}{(Index is null ? "" : " using " + Index)}: {RowsRead:N0} rows read";
    }

    /// <summary>A schema holding the finished runs and their attempts, written once for the class, in a database of its own.</summary>
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
                       CASE WHEN n % 10 = 0 THEN 'card declined' END, t, t, t, t
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

        /// <summary>The plan of one statement of <c>RunThroughput.sql</c> over the last hour in minutes, as the dashboard asks it.</summary>
        public async Task<IReadOnlyList<Scan>> ExplainAsync(int statement)
        {
            var statements = new SqlScripts(_schema).Load("RunThroughput").Split(";\n\n", StringSplitOptions.RemoveEmptyEntries);
            await using var connection = await _dataSource!.OpenConnectionAsync();
            var plan = await connection.ExecuteScalarAsync<string>(
                "EXPLAIN (ANALYZE, FORMAT JSON)\n" + statements[statement],
                new { since = Now.AddHours(-1), until = Now, bucket_seconds = 60 });
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
