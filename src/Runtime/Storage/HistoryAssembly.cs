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
        var checkpoints = checkpointRows.ToDictionary(c => c.StepIndex);
        var attempts = attemptRows.ToLookup(a => a.StepIndex);
        var steps = checkpoints.Keys.Union(attempts.Select(g => g.Key)).Order()
            .Select(index =>
            {
                var checkpoint = checkpoints.GetValueOrDefault(index);
                var stepAttempts = attempts[index].Select(Attempt).ToList();
                var name = checkpoint?.StepName ?? attempts[index].Last().StepName;
                return new StepHistory(index, name, checkpoint is null ? null : new StepCheckpoint(checkpoint.Output, checkpoint.Attempt, Utc(checkpoint.CompletedAt)), stepAttempts);
            })
            .ToList();

        return new RunHistory
        {
            Run = run.ToRunInfo(),
            Execution = origin.Execution,
            RestartedFromRunId = origin.RestartedFrom,
            AwaitedEvent = origin.AwaitedEvent is { } name && run.Status == RunStatus.Waiting
                ? new AwaitedEvent(name, origin.EventTimeoutAt is { } until ? Utc(until) : null)
                : null,
            Steps = steps,
            Children = children.Select(c => c.ToRunInfo()).ToList(),
            Restarts = restarts.Select(r => r.ToRunInfo()).ToList(),
        };
    }

    public static FailureGroup FailureGroup(FailureRow r) => new()
    {
        Workflow = r.Workflow,
        Step = r.StepName,
        ErrorType = r.ErrorType,
        Failures = r.Failures,
        Runs = r.Runs,
        FirstSeen = Utc(r.FirstSeen),
        LastSeen = Utc(r.LastSeen),
        LastMessage = r.LastMessage,
    };

    private static StepAttempt Attempt(AttemptRow a)
    {
        var (logs, dropped) = AttemptLogJson.Read(a.Logs);
        return new()
        {
            Execution = a.Execution,
            Number = a.Attempt,
            Worker = a.Worker,
            StartedAt = Utc(a.StartedAt),
            Duration = TimeSpan.FromMilliseconds(a.DurationMs),
            Outcome = a.Outcome,
            ErrorType = a.ErrorType,
            ErrorMessage = a.ErrorMessage,
            ErrorStack = a.ErrorStack,
            Logs = logs,
            DroppedLogLines = dropped,
        };
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
