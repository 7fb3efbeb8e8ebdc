using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>
/// An alert evaluation on SQLite reads its window through an index, not the workflow's retained history: every
/// statement of each measure searches an index by workflow or step and time, on 300,000 finished runs.
/// </summary>
public sealed class SqliteAlertMeasurePlanTests
{
    private const long Now = 1_900_000_000_000;

    [Theory]
    [InlineData("Alerts.MeasureWorkflow", "SEARCH runs USING INDEX runs_finished_by_workflow (workflow=? AND completed_at>? AND completed_at<?)")]
    [InlineData("Alerts.MeasureStep", "SEARCH a USING INDEX attempts_by_step_start (step_name=? AND started_at>? AND started_at<?)")]
    public async Task Every_statement_of_the_measure_searches_the_window_through_an_index(string measure, string search)
    {
        var file = SqliteFiles.NewPath();
        try
        {
            await using (var database = new SqliteDatabase($"Data Source={file}"))
            {
                await new SqliteMigrator(database).MigrateAsync(default);
            }

            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
                INSERT INTO runs (id, workflow, status, step_index, input, created_at, updated_at, completed_at, error)
                SELECT printf('%08d-0000-4000-8000-000000000000', i), 'orders', CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'succeeded' END,
                       1, '{}', @now - i * 1000, @now - i * 1000, @now - i * 1000, CASE WHEN i % 10 = 0 THEN 'card declined ' || (i % 7) END
                FROM n;
                INSERT INTO attempts (run_id, step_index, step_name, attempt, started_at, duration_ms, outcome, error_message)
                SELECT id, 0, 'Charge', 1, completed_at - 100, 100, CASE WHEN status = 'failed' THEN 'failed' ELSE 'succeeded' END, error FROM runs;
                ANALYZE;
                """);

            foreach (var statement in Statements(SqliteScripts.Load(measure)))
            {
                var plan = await PlanAsync(connection, statement);

                Assert.True(
                    plan.Contains(search) && !plan.Any(line => line.StartsWith("SCAN", StringComparison.Ordinal)),
                    $"{measure} does not search its window through an index:\n{string.Join("\n", plan)}\nfor\n{statement}");
            }
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    // The measures are two plain statements each, with no semicolon inside a literal or a comment.
    private static IEnumerable<string> Statements(string script) =>
        string.Join('\n', script.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            .Split(';')
            .Select(s => s.Trim())
            .Where(s => s.Length > 0);

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, string statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        command.Parameters.AddWithValue("@now", Now);
        command.Parameters.AddWithValue("@window_ms", 3_600_000L);
        command.Parameters.AddWithValue("@workflow", "orders");
        command.Parameters.AddWithValue("@step", "Charge");
        command.Parameters.AddWithValue("@top_errors", 5);
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@now", Now);
        await command.ExecuteNonQueryAsync();
    }
}
