namespace Inquir.Typed;

/// <summary>A run with its full history: every step's checkpoint and attempts, and the runs linked to it.</summary>
public sealed record RunHistory
{
    /// <summary>The run as it is now.</summary>
    public required RunInfo Run { get; init; }

    /// <summary>Which execution of the run this is: 1, plus one per replay.</summary>
    public required int Execution { get; init; }

    /// <summary>The run this one was restarted from.</summary>
    public Guid? RestartedFromRunId { get; init; }

    /// <summary>Every step that has a checkpoint or an attempt, in step order.</summary>
    public required IReadOnlyList<StepHistory> Steps { get; init; }

    /// <summary>The event the run waits for, and until when, while it is <see cref="RunStatus.Waiting"/> at a step that returned <see cref="EventWait{T}"/>.</summary>
    public AwaitedEvent? AwaitedEvent { get; init; }

    /// <summary>The child runs that this run's steps started.</summary>
    public required IReadOnlyList<RunInfo> Children { get; init; }

    /// <summary>The runs restarted from this one.</summary>
    public required IReadOnlyList<RunInfo> Restarts { get; init; }

    /// <summary>The run's per-run notifications (<see cref="NotifyAttribute"/>), one per execution that ended as its workflow asked to be told, with how each one's delivery stands.</summary>
    public IReadOnlyList<RunNotificationInfo> Notifications { get; init; } = [];
}

/// <summary>The event a waiting run waits for.</summary>
/// <param name="Name">The event's name: send it with the workflow's typed sender, <c>client.SendEventJsonAsync</c>, <c>inquir runs send-event</c> or the dashboard.</param>
/// <param name="Until">When the wait times out, on the database's clock; <see langword="null"/> when it has no timeout.</param>
public sealed record AwaitedEvent(string Name, DateTimeOffset? Until);

/// <summary>One step of a run: its checkpoint once it completed, and every attempt of every execution.</summary>
/// <param name="Index">The step's position, from 0.</param>
/// <param name="Name">The step's name.</param>
/// <param name="Checkpoint">The stored output, once the step completed.</param>
/// <param name="Attempts">Every attempt, oldest first.</param>
public sealed record StepHistory(int Index, string Name, StepCheckpoint? Checkpoint, IReadOnlyList<StepAttempt> Attempts);

/// <summary>A completed step's stored output.</summary>
/// <param name="Output">The output as JSON.</param>
/// <param name="Attempt">The attempt that produced it.</param>
/// <param name="CompletedAt">When it was committed.</param>
public sealed record StepCheckpoint(string Output, int Attempt, DateTimeOffset CompletedAt);

/// <summary>One attempt of one step.</summary>
public sealed record StepAttempt
{
    /// <summary>The execution of the run it belonged to (see <see cref="IWorkflowHistory.ReplayAsync"/>).</summary>
    public required int Execution { get; init; }

    /// <summary>The attempt number within its execution, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The worker that ran it.</summary>
    public string? Worker { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it ran.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>How it ended.</summary>
    public required StepAttemptOutcome Outcome { get; init; }

    /// <summary>The exception type's full name, when it did not succeed.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The error message.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The exception with its stack trace.</summary>
    public string? ErrorStack { get; init; }

    /// <summary>The lines the step wrote through <see cref="StepContext.Logger"/> during this attempt, in order (see <see cref="AttemptLogOptions"/>).</summary>
    public IReadOnlyList<StepLogLine> Logs { get; init; } = [];

    /// <summary>How many more lines the attempt wrote past the bounds of <see cref="AttemptLogOptions"/>; they were not kept.</summary>
    public int DroppedLogLines { get; init; }
}

/// <summary>How an attempt ended.</summary>
public enum StepAttemptOutcome
{
    /// <summary>The step returned; its checkpoint was committed.</summary>
    Succeeded,

    /// <summary>The step threw.</summary>
    Failed,

    /// <summary>The step ran past its timeout.</summary>
    TimedOut,

    /// <summary>Its worker stopped renewing the lease while it ran (it died or lost the database).</summary>
    Abandoned,

    /// <summary>Its worker shut down; the attempt was not counted.</summary>
    Interrupted,

    /// <summary>It finished after another worker took the run over; not committed.</summary>
    Superseded,

    /// <summary>The run was cancelled while it ran.</summary>
    Cancelled,

    /// <summary>The step answered that its input was not ready (<see cref="StepContext.Snooze(TimeSpan)"/>); not counted against its retries.</summary>
    Snoozed,
}
