namespace Inquir.Typed.Storage;

// Rows as the store reads them, by column name; times arrive as UTC DateTimes.
#pragma warning disable IDE1006 // column names

/// <summary>A run's execution number and origin.</summary>
internal sealed record RunOriginRow(int execution, Guid? restarted_from);

/// <summary>A <c>checkpoints</c> row.</summary>
internal sealed record CheckpointRow(int step_index, string step_name, string output, int attempt, DateTime completed_at);

/// <summary>An <c>attempts</c> row with the execution it belongs to.</summary>
internal sealed record AttemptRow(
    int step_index,
    string step_name,
    int execution,
    int attempt,
    string? worker,
    DateTime started_at,
    double duration_ms,
    string outcome,
    string? error_type,
    string? error_message,
    string? error_stack,
    string? logs);

/// <summary>A row of the failure summary.</summary>
internal sealed record FailureRow(
    string workflow,
    string step_name,
    string error_type,
    long failures,
    long runs,
    DateTime first_seen,
    DateTime last_seen,
    string? last_message);

/// <summary>A run a replay asked for: the status it had, and whether it was replayed.</summary>
internal sealed record ReplayRow(Guid id, string status, bool replayed);
#pragma warning restore IDE1006
