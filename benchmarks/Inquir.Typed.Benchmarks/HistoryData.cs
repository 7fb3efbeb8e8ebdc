using Dapper;
using Npgsql;

namespace Inquir.Typed.Benchmarks;

/// <summary>
/// Fills a fresh schema with a history of runs in one INSERT … SELECT generate_series: 20 workflows, a failed run
/// in every 10, one error text in 1000 that a search looks for, an idempotency key and a userId on every run.
/// </summary>
internal static class HistoryData
{
    public const string RareError = "ledger shard 7 rejected the write";

    public static string Connection =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
        ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set; run the benchmarks with scripts/bench.sh.");

    public static async Task FillAsync(string schema, int runs)
    {
        await using var connection = new NpgsqlConnection(Connection);
        await connection.OpenAsync();
        var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await connection.ExecuteAsync(
            $"""
            INSERT INTO {quoted}.runs (id, workflow, status, step_index, step_name, attempt, input, error, idempotency_key,
                                       created_at, updated_at, completed_at)
            SELECT gen_random_uuid(),
                   'workflow_' || (i % 20),
                   CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'succeeded' END,
                   1, CASE WHEN i % 3 = 0 THEN 'Charge' ELSE 'Ship' END, 1,
                   jsonb_build_object('userId', i, 'region', CASE WHEN i % 2 = 0 THEN 'eu' ELSE 'us' END),
                   CASE WHEN i % 10 = 0 THEN
                        CASE WHEN i % 1000 = 0 THEN 'step ''Charge'' failed: {RareError}'
                             ELSE 'step ''Charge'' failed: timeout after ' || (i % 97) || ' s talking to gateway ' || (i % 13) END
                   END,
                   'key-' || i,
                   now() - make_interval(secs => i * 5),
                   now() - make_interval(secs => i * 5),
                   now() - make_interval(secs => i * 5 - 1)
            FROM generate_series(1, @runs) AS i
            """,
            new { runs },
            commandTimeout: 600);
        await connection.ExecuteAsync($"ANALYZE {quoted}.runs");
    }
}
