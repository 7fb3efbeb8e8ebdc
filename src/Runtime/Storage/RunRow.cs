namespace Inquir.Typed.Storage;

/// <summary>A <c>runs</c> row as the store reads it (times arrive as UTC <see cref="DateTime"/>).</summary>
#pragma warning disable IDE1006 // column names
internal sealed record RunRow(
    Guid id,
    string workflow,
    string status,
    int step_index,
    string? step_name,
    int attempt,
    string input,
    string? result,
    string? error,
    string? idempotency_key,
    Guid? parent_run_id,
    DateTime created_at,
    DateTime updated_at,
    DateTime? completed_at,
    DateTime? next_attempt_at,
    string? held_limit,
    string? held_key)
#pragma warning restore IDE1006
{
    public RunInfo ToRunInfo() => new()
    {
        Id = id,
        Workflow = workflow,
        Status = RunStatusText.Parse(status),
        CurrentStepIndex = step_index,
        CurrentStep = step_name,
        Attempt = attempt,
        Input = input,
        Result = result,
        Error = error,
        IdempotencyKey = idempotency_key,
        ParentRunId = parent_run_id,
        CreatedAt = Utc(created_at),
        UpdatedAt = Utc(updated_at),
        CompletedAt = completed_at is { } c ? Utc(c) : null,
        NextAttemptAt = next_attempt_at is { } n ? Utc(n) : null,
        HeldBy = held_limit is null ? null : new LimitHold(held_limit, held_key ?? string.Empty),
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
