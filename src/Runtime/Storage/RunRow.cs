namespace Inquir.Typed.Storage;

/// <summary>A <c>runs</c> row as the store reads it, by column name (times arrive as UTC <see cref="DateTime"/>).</summary>
internal sealed record RunRow(
    Guid Id,
    string Workflow,
    RunStatus Status,
    int StepIndex,
    string? StepName,
    int Attempt,
    string Input,
    string? Result,
    string? Error,
    string? IdempotencyKey,
    Guid? ParentRunId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    DateTime? NextAttemptAt,
    string? HeldLimit,
    string? HeldKey,
    string? Sleep,
    DateTime? DeadlineAt)
{
    public RunInfo ToRunInfo() => new()
    {
        Id = Id,
        Workflow = Workflow,
        Status = Status,
        CurrentStepIndex = StepIndex,
        CurrentStep = StepName,
        Attempt = Attempt,
        Input = Input,
        Result = Result,
        Error = Error,
        IdempotencyKey = IdempotencyKey,
        ParentRunId = ParentRunId,
        CreatedAt = Utc(CreatedAt),
        UpdatedAt = Utc(UpdatedAt),
        CompletedAt = CompletedAt is { } c ? Utc(c) : null,
        NextAttemptAt = NextAttemptAt is { } n ? Utc(n) : null,
        HeldBy = HeldLimit is null ? null : new LimitHold(HeldLimit, HeldKey ?? string.Empty),
        Sleep = Status == RunStatus.Pending ? SleepText.Parse(Sleep) : null,
        DeadlineAt = DeadlineAt is { } d ? Utc(d) : null,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
