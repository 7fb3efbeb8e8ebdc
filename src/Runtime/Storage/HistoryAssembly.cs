namespace Inquir.Typed.Storage;

/// <summary>Builds the history API's records from the rows every store reads, so that all stores answer alike.</summary>
internal static class HistoryAssembly
{
    public static RunHistory RunHistory(
        RunRow run,
        RunOriginRow origin,
        IEnumerable<CheckpointRow> checkpointRows,
        IEnumerable<AttemptRow> attemptRows,
        IEnumerable<RunRow> children,
        IEnumerable<RunRow> restarts)
    {
        var checkpoints = checkpointRows.ToDictionary(c => c.step_index);
        var attempts = attemptRows.ToLookup(a => a.step_index);
        var steps = checkpoints.Keys.Union(attempts.Select(g => g.Key)).Order()
            .Select(index =>
            {
                var checkpoint = checkpoints.GetValueOrDefault(index);
                var stepAttempts = attempts[index].Select(Attempt).ToList();
                var name = checkpoint?.step_name ?? attempts[index].Last().step_name;
                return new StepHistory(index, name, checkpoint is null ? null : new StepCheckpoint(checkpoint.output, checkpoint.attempt, Utc(checkpoint.completed_at)), stepAttempts);
            })
            .ToList();

        return new RunHistory
        {
            Run = run.ToRunInfo(),
            Execution = origin.execution,
            RestartedFromRunId = origin.restarted_from,
            Steps = steps,
            Children = children.Select(c => c.ToRunInfo()).ToList(),
            Restarts = restarts.Select(r => r.ToRunInfo()).ToList(),
        };
    }

    public static FailureGroup FailureGroup(FailureRow r) => new()
    {
        Workflow = r.workflow,
        Step = r.step_name,
        ErrorType = r.error_type,
        Failures = r.failures,
        Runs = r.runs,
        FirstSeen = Utc(r.first_seen),
        LastSeen = Utc(r.last_seen),
        LastMessage = r.last_message,
    };

    private static StepAttempt Attempt(AttemptRow a)
    {
        var (logs, dropped) = AttemptLogJson.Read(a.logs);
        return new()
        {
            Execution = a.execution,
            Number = a.attempt,
            Worker = a.worker,
            StartedAt = Utc(a.started_at),
            Duration = TimeSpan.FromMilliseconds(a.duration_ms),
            Outcome = ParseOutcome(a.outcome),
            ErrorType = a.error_type,
            ErrorMessage = a.error_message,
            ErrorStack = a.error_stack,
            Logs = logs,
            DroppedLogLines = dropped,
        };
    }

    private static StepAttemptOutcome ParseOutcome(string outcome) => outcome switch
    {
        "succeeded" => StepAttemptOutcome.Succeeded,
        "failed" => StepAttemptOutcome.Failed,
        "timed_out" => StepAttemptOutcome.TimedOut,
        "abandoned" => StepAttemptOutcome.Abandoned,
        "interrupted" => StepAttemptOutcome.Interrupted,
        "superseded" => StepAttemptOutcome.Superseded,
        "cancelled" => StepAttemptOutcome.Cancelled,
        _ => throw new InvalidOperationException($"Unknown attempt outcome '{outcome}' in the database."),
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
