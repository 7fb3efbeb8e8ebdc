namespace Inquir.Typed.Storage;

// Rows as the store reads them, by column name; times arrive as UTC DateTimes.

/// <summary>A run's execution number and origin, and the event it waits for (while it waits) and until when.</summary>
internal sealed record RunOriginRow(int Execution, Guid? RestartedFrom, string? AwaitedEvent, DateTime? EventTimeoutAt);

/// <summary>A <c>checkpoints</c> row.</summary>
internal sealed record CheckpointRow(int StepIndex, string StepName, string Output, int Attempt, DateTime CompletedAt);

/// <summary>An <c>attempts</c> row with the execution it belongs to.</summary>
internal sealed record AttemptRow(
    int StepIndex,
    string StepName,
    int Execution,
    int Attempt,
    string? Worker,
    DateTime StartedAt,
    double DurationMs,
    StepAttemptOutcome Outcome,
    string? ErrorType,
    string? ErrorMessage,
    string? ErrorStack,
    string? Logs);

/// <summary>A row of the failure summary.</summary>
internal sealed record FailureRow(
    string Workflow,
    string StepName,
    string ErrorType,
    long Failures,
    long Runs,
    DateTime FirstSeen,
    DateTime LastSeen,
    string? LastMessage);

/// <summary>A run a replay asked for: the status it had, and whether it was replayed.</summary>
internal sealed record ReplayRow(Guid Id, RunStatus Status, bool Replayed);
