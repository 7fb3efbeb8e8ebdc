using System.Globalization;
using Npgsql;

namespace Inquir.Typed.SideBySide.Report;

/// <summary>
/// What the database did during one workload, read from its statistics before and after: statements per step, the share of the runs table's updates that were HOT, and the rows per call of the claim, the completion
/// write and the start insert (their average batch sizes). Statements need pg_stat_statements, which
/// scripts/bench-side-by-side.sh preloads; without it they are left out. The counters are cluster-wide, so they
/// hold only while one workload runs at a time, as the driver runs them.
/// </summary>
public sealed record DatabaseWork(long Statements, long Updates, long HotUpdates, Calls Claims, Calls Completions, Calls Starts)
{
    private const string CountsSql = """
        SELECT (SELECT COALESCE(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE schemaname = @schema AND relname = 'runs'),
               (SELECT COALESCE(sum(n_tup_hot_upd), 0) FROM pg_stat_user_tables WHERE schemaname = @schema AND relname = 'runs')
        """;

    // Recognised by text that only that statement has; rows per call is the batch it carried.
    private const string StatementsSql = """
        SELECT COALESCE(sum(calls), 0),
               COALESCE(sum(calls) FILTER (WHERE query LIKE '%started_at = COALESCE(r.started_at, clock.now)%'), 0),
               COALESCE(sum(rows) FILTER (WHERE query LIKE '%started_at = COALESCE(r.started_at, clock.now)%'), 0),
               COALESCE(sum(calls) FILTER (WHERE query LIKE '%INSERT INTO%checkpoints%'), 0),
               COALESCE(sum(rows) FILTER (WHERE query LIKE '%INSERT INTO%checkpoints%'), 0),
               COALESCE(sum(calls) FILTER (WHERE query LIKE '%INSERT INTO%runs (id, workflow, status, step_name%'), 0),
               COALESCE(sum(rows) FILTER (WHERE query LIKE '%INSERT INTO%runs (id, workflow, status, step_name%'), 0)
        FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        """;

    public static async Task<DatabaseWork> ReadAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Table counters reach the shared statistics when a backend goes idle, up to a second later.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot()", connection))
        {
            await clear.ExecuteNonQueryAsync();
        }

        long updates, hot;
        await using (var counts = new NpgsqlCommand(CountsSql, connection))
        {
            counts.Parameters.AddWithValue("schema", schema);
            await using var row = await counts.ExecuteReaderAsync();
            await row.ReadAsync();
            (updates, hot) = (Convert.ToInt64(row.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(row.GetValue(1), CultureInfo.InvariantCulture));
        }

        try
        {
            await using var statements = new NpgsqlCommand(StatementsSql, connection);
            await using var row = await statements.ExecuteReaderAsync();
            await row.ReadAsync();
            long L(int i) => Convert.ToInt64(row.GetValue(i), CultureInfo.InvariantCulture);
            return new DatabaseWork(L(0), updates, hot, new Calls(L(1), L(2)), new Calls(L(3), L(4)), new Calls(L(5), L(6)));
        }
        catch (PostgresException)
        {
            return new DatabaseWork(-1, updates, hot, default, default, default);
        }
    }

    /// <summary>As <see cref="ReadAsync"/>, once the table counters have stopped moving (sessions that just closed hand theirs over as they exit).</summary>
    public static async Task<DatabaseWork> ReadSettledAsync(string connectionString, string schema)
    {
        var last = await ReadAsync(connectionString, schema);
        for (var i = 0; i < 8; i++)
        {
            var next = await ReadAsync(connectionString, schema);

            if (next.Updates == last.Updates && next.HotUpdates == last.HotUpdates)
            {
                return next;
            }

            last = next;
        }

        return last;
    }

    /// <summary>Makes pg_stat_statements readable when the server preloads it; false otherwise.</summary>
    public static async Task<bool> EnableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        try
        {
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements", connection);
            await create.ExecuteScalarAsync();
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    public DatabaseWork Since(DatabaseWork before) => new(
        Statements < 0 ? -1 : Statements - before.Statements,
        Updates - before.Updates,
        HotUpdates - before.HotUpdates,
        Claims - before.Claims,
        Completions - before.Completions,
        Starts - before.Starts);

    // No commits per step: pg_stat_database counts the whole database, and sessions of earlier workloads hand their
    // counts over late (when idle, at most once a second; up to ten seconds later), so they landed in the next workload.
    /// <summary>One line for <paramref name="steps"/> steps, e.g. "1.2 statements/step, runs updates HOT 63 % of 3000, rows per call: claim 9.8, completion write 14.1, start insert 3.9".</summary>
    public string Describe(int steps)
    {
        var line = Statements >= 0 ? string.Create(CultureInfo.InvariantCulture, $"{(double)Statements / steps:F2} statements/step, ") : "";
        line += string.Create(CultureInfo.InvariantCulture, $"runs updates HOT {(Updates == 0 ? 0 : 100.0 * HotUpdates / Updates):F0} % of {Updates}");
        if (Statements >= 0)
        {
            line += $", rows per call: claim {Claims.RowsPerCall}, completion write {Completions.RowsPerCall}, start insert {Starts.RowsPerCall}";
        }

        return line;
    }
}

/// <summary>Calls of one statement and the rows they returned.</summary>
public readonly record struct Calls(long Count, long Rows)
{
    public string RowsPerCall => Count == 0 ? "-" : ((double)Rows / Count).ToString("F1", CultureInfo.InvariantCulture);

    public static Calls operator -(Calls a, Calls b) => new(a.Count - b.Count, a.Rows - b.Rows);
}
