using Dapper;
using Npgsql;

namespace Inquir.Typed.TestWorker;

/// <summary>
/// Counts each step's executions in the test database itself, so that counts survive the process that made them.
/// </summary>
public sealed class SideEffects(string connectionString, string schema)
{
    private string Table => $"\"{schema}\".side_effects";

    public async Task CreateTableAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS \"{schema}\"; CREATE TABLE IF NOT EXISTS {Table} (run_id uuid, step text, executions int NOT NULL, PRIMARY KEY (run_id, step))");
    }

    /// <summary>Adds one execution of a step and returns how many there have been.</summary>
    public async Task<int> IncrementAsync(Guid runId, string step, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"INSERT INTO {Table} (run_id, step, executions) VALUES (@runId, @step, 1) ON CONFLICT (run_id, step) DO UPDATE SET executions = {Table}.executions + 1 RETURNING executions",
            new { runId, step },
            cancellationToken: ct));
    }

    public async Task<int> ExecutionsAsync(Guid runId, string step)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int?>($"SELECT executions FROM {Table} WHERE run_id = @runId AND step = @step", new { runId, step }) ?? 0;
    }
}
