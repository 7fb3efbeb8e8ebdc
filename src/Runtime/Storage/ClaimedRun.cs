namespace Inquir.Typed.Storage;

/// <summary>
/// A claimed run: which step to run (its index, and its name as stored once the run got past the first step),
/// which attempt of which execution this is, and that step's input; and, when its step's child runs have ended
/// and woke it, the children it waited for.
/// </summary>
internal sealed record ClaimedRun(Guid Id, string Workflow, int StepIndex, int Attempt, Guid LeaseToken, Guid? ParentRunId, string? StepInput, string? StepName = null, int Execution = 1)
{
    public IReadOnlyList<Guid>? AwaitedRuns { get; init; }

    /// <summary>The event the run waited for at this step, when an event or its timeout woke it.</summary>
    public string? AwaitedEvent { get; init; }

    public HeldRun Held => new(Id, LeaseToken);

    /// <summary>The trace context stored when the run was started.</summary>
    public RunTraceContext Trace { get; init; }

    /// <summary>How long the run waited between becoming due and this claim.</summary>
    public TimeSpan QueueWait { get; init; }

    /// <summary>The fingerprint of the steps the run was started with (<see cref="RunShape"/>); null when none was recorded.</summary>
    public long? Shape { get; init; }

    /// <summary>Whether the claim gave the run slots of concurrency limits, which the commit that ends its hold gives back.</summary>
    public bool HoldsSlots { get; init; }

    /// <summary>How many times the run's current step has snoozed (in this execution), which its snooze bound counts.</summary>
    public int Snoozes { get; init; }
}
