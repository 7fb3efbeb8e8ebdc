namespace Inquir.Typed;

/// <summary>A run as stored: its status, where it is, its input and result as JSON, and its error.</summary>
public sealed record RunInfo
{
    /// <summary>The run's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The stored workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The run's status.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>The index of the step that runs next (or ran last), from 0.</summary>
    public required int CurrentStepIndex { get; init; }

    /// <summary>The name of that step, when known.</summary>
    public string? CurrentStep { get; init; }

    /// <summary>Attempts made of that step so far.</summary>
    public required int Attempt { get; init; }

    /// <summary>The workflow input as JSON.</summary>
    public required string Input { get; init; }

    /// <summary>The result as JSON, once the run succeeded.</summary>
    public string? Result { get; init; }

    /// <summary>Why the run failed, once it failed.</summary>
    public string? Error { get; init; }

    /// <summary>The idempotency key the run was started with.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The run that started this one from one of its steps.</summary>
    public Guid? ParentRunId { get; init; }

    /// <summary>When the run was started.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the run was last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the run succeeded, failed or was cancelled.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the next attempt may start, while the run is pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The limit and key that hold the run while it is <see cref="RunStatus.Held"/>; <see langword="null"/> otherwise.</summary>
    public LimitHold? HeldBy { get; init; }

    /// <summary>
    /// Why a pending run is due only at <see cref="NextAttemptAt"/>: it sleeps (a step's <c>After</c>, a
    /// <see cref="Delayed{T}"/> output) or its step snoozed; <see langword="null"/> otherwise.
    /// </summary>
    public RunSleep? Sleep { get; init; }

    /// <summary>When the run fails if it has not ended by then (its deadline); <see langword="null"/> for none.</summary>
    public DateTimeOffset? DeadlineAt { get; init; }

    /// <summary>Whether the run has ended.</summary>
    public bool IsFinished => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
