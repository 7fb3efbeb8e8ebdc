namespace Inquir.Typed.Postgres;

/// <summary>The outcome of one attempt of one step, and where the run goes next.</summary>
internal sealed record StepCompletion
{
    public required HeldRun Run { get; init; }

    public required int StepIndex { get; init; }

    public required string StepName { get; init; }

    public required int Attempt { get; init; }

    public required AttemptOutcome Outcome { get; init; }

    /// <summary>The step's output JSON, when it succeeded.</summary>
    public string? Output { get; init; }

    public required RunStatus NextStatus { get; init; }

    /// <summary>The name of the next step, when the run goes on to it.</summary>
    public string? NextStepName { get; init; }

    /// <summary>When a pending run may be tried again.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The run's error: why it failed, or the last attempt's error while it waits for a retry.</summary>
    public string? RunError { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ErrorStack { get; init; }
}

/// <summary>How one attempt ended, as stored in <c>attempts.outcome</c>.</summary>
internal enum AttemptOutcome
{
    Succeeded,
    Failed,
    TimedOut,
}
