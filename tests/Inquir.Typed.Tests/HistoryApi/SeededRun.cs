using Dapper;
using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.HistoryApi;

/// <summary>A run written straight into the table, so that a search test controls every column it filters on.</summary>
public sealed record SeededRun
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public string Workflow { get; init; } = "orders";

    public string Status { get; init; } = "succeeded";

    public string? Step { get; init; } = "Charge";

    public string Input { get; init; } = "{}";

    public string? Error { get; init; }

    public string? Key { get; init; }

    public DateTimeOffset CreatedAt { get; init; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset? CompletedAt { get; init; }

    public static async Task InsertAsync(string schema, IEnumerable<SeededRun> runs)
    {
        await using var connection = await TestDatabase.OpenAsync();
        var quoted = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await connection.ExecuteAsync(
            $"""
            INSERT INTO {quoted}.runs (id, workflow, status, step_name, input, error, idempotency_key, created_at, updated_at,
                                       completed_at, next_attempt_at)
            VALUES (@Id, @Workflow, @Status, @Step, @Input::jsonb, @Error, @Key, @CreatedAt, @CreatedAt,
                    CASE WHEN @Status IN ('succeeded', 'failed', 'cancelled') THEN COALESCE(@CompletedAt, @CreatedAt) END,
                    CASE WHEN @Status = 'pending' THEN @CreatedAt END)
            """,
            runs.Select(r => new { r.Id, r.Workflow, r.Status, r.Step, r.Input, r.Error, r.Key, r.CreatedAt, r.CompletedAt }));
    }
}
