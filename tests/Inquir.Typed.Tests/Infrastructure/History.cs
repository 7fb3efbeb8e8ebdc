using Dapper;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>Reads what the runtime stored, straight from the tables, to check it against what the tests expect.</summary>
public sealed class History(string schema)
{
    private string QuotedSchema => "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private string Table(string name) => $"{QuotedSchema}.{name}";

    public async Task<IReadOnlyList<AttemptRow>> AttemptsAsync(Guid runId)
    {
        await using var connection = await TestDatabase.OpenAsync();
        var rows = await connection.QueryAsync<AttemptRow>(
            $"""
            SELECT step_index AS StepIndex, step_name AS StepName, attempt AS Attempt, outcome AS Outcome,
                   error_type AS ErrorType, error_message AS ErrorMessage, error_stack AS ErrorStack, duration_ms AS DurationMs
            FROM {Table("attempts")} WHERE run_id = @runId ORDER BY id
            """,
            new { runId });
        return rows.ToList();
    }

    public async Task<IReadOnlyList<CheckpointRow>> CheckpointsAsync(Guid runId)
    {
        await using var connection = await TestDatabase.OpenAsync();
        var rows = await connection.QueryAsync<CheckpointRow>(
            $"SELECT step_index AS StepIndex, step_name AS StepName, output::text AS Output, attempt AS Attempt FROM {Table("checkpoints")} WHERE run_id = @runId ORDER BY step_index",
            new { runId });
        return rows.ToList();
    }

    public async Task<(string Status, int Attempt)> StatusAsync(Guid runId)
    {
        await using var connection = await TestDatabase.OpenAsync();
        return await connection.QuerySingleAsync<(string, int)>($"SELECT status, attempt FROM {Table("runs")} WHERE id = @runId", new { runId });
    }

    public async Task<long> CountAsync(string table, string where = "true", object? parameters = null)
    {
        await using var connection = await TestDatabase.OpenAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {Table(table)} WHERE {where}", parameters);
    }

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await TestDatabase.OpenAsync();
        await connection.ExecuteAsync(sql.Replace("{schema}", QuotedSchema, StringComparison.Ordinal), parameters);
    }
}

public sealed record AttemptRow(int StepIndex, string StepName, int Attempt, string Outcome, string? ErrorType, string? ErrorMessage, string? ErrorStack, double DurationMs);

public sealed record CheckpointRow(int StepIndex, string StepName, string Output, int Attempt);
