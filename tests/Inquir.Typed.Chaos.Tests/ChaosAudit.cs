using Dapper;
using Npgsql;

namespace Inquir.Typed.Chaos.Tests;

/// <summary>Reads what the chaos left in the database: the runs, checkpoints, attempts and side-effect counters.</summary>
internal sealed class ChaosAudit(string connectionString, string schema)
{
    private string S => "\"" + schema + "\"";

    public async Task<long> FinishedRunsAsync()
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {S}.runs WHERE status IN ('succeeded', 'failed')");
    }

    public async Task<IReadOnlyDictionary<string, long>> RunsByStatusAsync()
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<(string Status, long Count)>($"SELECT status, count(*) FROM {S}.runs GROUP BY status");
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    public async Task<IReadOnlyDictionary<string, long>> AttemptsByOutcomeAsync()
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<(string Outcome, long Count)>($"SELECT outcome, count(*) FROM {S}.attempts GROUP BY outcome");
        return rows.ToDictionary(r => r.Outcome, r => r.Count);
    }

    /// <summary>Failed runs whose failing step has fewer recorded attempts than it was allowed, or that are not at their last step's failure.</summary>
    public async Task<IReadOnlyList<string>> FailedRunsWithAttemptsLeftAsync(int maxAttempts)
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<(Guid Id, int StepIndex, long Attempts, string? Error)>(
            $"""
            SELECT r.id, r.step_index,
                   (SELECT count(*) FROM {S}.attempts a
                    WHERE a.run_id = r.id AND a.step_index = r.step_index AND a.outcome IN ('failed', 'timed_out', 'abandoned')),
                   r.error
            FROM {S}.runs r WHERE r.status = 'failed'
            """);
        return rows.Where(r => r.Attempts < maxAttempts).Select(r => $"run {r.Id} failed at step {r.StepIndex} after {r.Attempts} recorded attempts: {r.Error}").ToList();
    }

    /// <summary>Succeeded runs that do not have exactly one checkpoint per step.</summary>
    public async Task<long> SucceededRunsWithoutAllCheckpointsAsync(int steps)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM {S}.runs r WHERE r.status = 'succeeded' AND (SELECT count(*) FROM {S}.checkpoints c WHERE c.run_id = r.id) <> @steps",
            new { steps });
    }

    /// <summary>Steps with more than one committed success: a checkpoint committed twice.</summary>
    public async Task<long> StepsCommittedTwiceAsync()
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM (SELECT 1 FROM {S}.attempts WHERE outcome = 'succeeded' GROUP BY run_id, step_index HAVING count(*) > 1) twice")
            + await connection.ExecuteScalarAsync<long>(
                $"SELECT abs((SELECT count(*) FROM {S}.checkpoints) - (SELECT count(*) FROM {S}.attempts WHERE outcome = 'succeeded'))");
    }

    /// <summary>Checkpointed steps whose side-effect counter never moved: a checkpoint without an execution.</summary>
    public async Task<long> CheckpointsWithoutExecutionAsync()
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            $"""
            SELECT count(*) FROM {S}.checkpoints c
            LEFT JOIN {S}.side_effects e ON e.run_id = c.run_id AND e.step = c.step_name
            WHERE COALESCE(e.executions, 0) < 1
            """);
    }

    /// <summary>
    /// Per step: executions beyond the attempts that reached an outcome. Each such re-execution must be matched by
    /// an attempt abandoned when its worker died (the step ran, its outcome was never written).
    /// </summary>
    public async Task<IReadOnlyList<StepExecutions>> ReExecutedStepsAsync()
    {
        await using var connection = await OpenAsync();
        var rows = await connection.QueryAsync<StepExecutions>(
            $"""
            SELECT e.run_id AS RunId, e.step AS Step, e.executions AS Executions,
                   count(a.id) FILTER (WHERE a.outcome IN ('succeeded', 'failed', 'timed_out', 'superseded')) AS Finished,
                   count(a.id) FILTER (WHERE a.outcome = 'abandoned') AS Abandoned
            FROM {S}.side_effects e
            LEFT JOIN {S}.attempts a ON a.run_id = e.run_id AND a.step_name = e.step
            GROUP BY e.run_id, e.step, e.executions
            HAVING e.executions > count(a.id) FILTER (WHERE a.outcome IN ('succeeded', 'failed', 'timed_out', 'superseded'))
            """);
        return rows.ToList();
    }

    /// <summary>The workers (by their lease-owner names) whose attempts were abandoned.</summary>
    public async Task<IReadOnlyList<string>> AbandoningWorkersAsync()
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<string>($"SELECT DISTINCT worker FROM {S}.attempts WHERE outcome = 'abandoned'")).ToList();
    }

    /// <summary>Runs still leased, locks still held on the schema's tables, advisory locks and open transactions of the runtime.</summary>
    public async Task<(long Leased, long Locks, long OpenTransactions)> LeftoversAsync()
    {
        await using var connection = await OpenAsync();
        var leased = await connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM {S}.runs WHERE lease_owner IS NOT NULL OR lease_token IS NOT NULL OR lease_expires_at IS NOT NULL OR status IN ('pending', 'running')");
        var locks = await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM pg_locks l
            WHERE l.pid <> pg_backend_pid()
              AND (l.locktype = 'advisory'
                   OR l.relation IN (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @schema))
            """,
            new { schema });
        var open = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'inquir' AND state LIKE 'idle in transaction%'");
        return (leased, locks, open);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}

/// <summary>A step that ran more often than its attempts reached an outcome.</summary>
internal sealed record StepExecutions(Guid RunId, string Step, int Executions, long Finished, long Abandoned)
{
    public long ReExecutions => Executions - Finished;
}
