namespace Inquir.Typed.Storage;

/// <summary>The outcome of one attempt of one step, and where the run goes next.</summary>
internal sealed record StepCompletion
{
    /// <summary>
    /// Identifies this outcome: the run keeps the id of the last one committed, so that a write repeated after a
    /// lost commit reply is recognised as committed instead of being refused.
    /// </summary>
    public Guid CompletionId { get; init; } = Guid.NewGuid();

    public required HeldRun Run { get; init; }

    public required int StepIndex { get; init; }

    public required string StepName { get; init; }

    public required int Attempt { get; init; }

    /// <summary>The run's execution the attempt belonged to (a replay starts a new one).</summary>
    public int Execution { get; init; } = 1;

    public required AttemptOutcome Outcome { get; init; }

    /// <summary>The step's output JSON, when it succeeded.</summary>
    public string? Output { get; init; }

    public required RunStatus NextStatus { get; init; }

    /// <summary>The run's parent, whose wait for its children this outcome may end.</summary>
    public Guid? ParentRunId { get; init; }

    /// <summary>The child runs the run waits for, when <see cref="NextStatus"/> is <see cref="RunStatus.Waiting"/>.</summary>
    public IReadOnlyList<Guid>? AwaitedRuns { get; init; }

    /// <summary>The event the run waits for, when <see cref="NextStatus"/> is <see cref="RunStatus.Waiting"/> at a step that returned <c>EventWait&lt;T&gt;</c>.</summary>
    public string? AwaitedEvent { get; init; }

    /// <summary>How long after the commit, on the database's clock, the wait for <see cref="AwaitedEvent"/> times out.</summary>
    public TimeSpan? EventTimeout { get; init; }

    /// <summary>The name of the next step, when the run goes on to it.</summary>
    public string? NextStepName { get; init; }

    /// <summary>How long after the commit, on the database's clock, a pending run may be tried again.</summary>
    public TimeSpan? RetryDelay { get; init; }

    /// <summary>
    /// When a pending run is due at the latest of this and its retry delay after the commit: the time a step's
    /// <see cref="Delayed{T}"/> named with <c>DelayUntil</c>; null for none.
    /// </summary>
    public DateTimeOffset? WakeAt { get; init; }

    /// <summary>Why a pending run is due only later: a sleep or a snooze; null for a retry or a run due now.</summary>
    public RunSleep? Sleep { get; init; }

    /// <summary>The run's error: why it failed, or the last attempt's error while it waits for a retry.</summary>
    public string? RunError { get; init; }

    public required TimeSpan Duration { get; init; }

    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ErrorStack { get; init; }

    /// <summary>The lines the attempt logged, as JSON (see <c>AttemptLog</c>).</summary>
    public string? Logs { get; init; }

    /// <summary>Whether the run holds slots of concurrency limits: an outcome that ends its hold gives them back in its commit.</summary>
    public bool HoldsSlots { get; init; }
}

/// <summary>How one attempt ended, as stored in <c>attempts.outcome</c>.</summary>
internal enum AttemptOutcome
{
    Succeeded,
    Failed,
    TimedOut,

    /// <summary>The step snoozed: the run is due again at the same step, and the attempt is not counted.</summary>
    Snoozed,
}
