using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>One step of a workflow, as the generator describes it. For generated code; the runtime reads it through <see cref="WorkflowDescriptor.Steps"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StepDescriptor
{
    private readonly TimeSpan? _after;

    /// <summary>Creates the descriptor.</summary>
    public StepDescriptor(string name, StepPolicy policy, StepInvoker invoker, IReadOnlyList<Type>? nonRetryable = null, bool idempotent = false, ChildAwait awaits = ChildAwait.None)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(invoker);
        Name = name;
        Policy = policy;
        Invoker = invoker;
        NonRetryable = nonRetryable ?? [];
        Idempotent = idempotent;
        Awaits = awaits;
    }

    /// <summary>The step's name: its method name.</summary>
    public string Name { get; }

    /// <summary>The policy from the step's attribute, before configuration overrides it.</summary>
    public StepPolicy Policy { get; }

    /// <summary>Runs the step.</summary>
    public StepInvoker Invoker { get; }

    /// <summary>Exception types that fail the run at once.</summary>
    public IReadOnlyList<Type> NonRetryable { get; }

    /// <summary>Whether the step declared itself idempotent.</summary>
    public bool Idempotent { get; }

    /// <summary>
    /// Whether the step returns child runs: its invoker then returns their ids (see <see cref="ChildRunHandles"/>),
    /// the run waits for them, and the step's checkpoint is their result (<see cref="ChildAwait.One"/>) or the JSON
    /// array of their results in start order (<see cref="ChildAwait.Many"/>).
    /// </summary>
    public ChildAwait Awaits { get; }

    /// <summary>Durable sleep before the step: it is due this long after the previous step's checkpoint (<see cref="StepAttribute.After"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than 365 days.</exception>
    public TimeSpan? After
    {
        get => _after;
        init => _after = value is { } after && (after < TimeSpan.Zero || after > Policies.DurationText.Longest)
            ? throw new ArgumentOutOfRangeException(nameof(After), value, "After must be between zero and 365 days.")
            : value;
    }

    /// <summary>
    /// How the step waits for an event, when it returns <see cref="EventWait{T}"/>: its invoker then returns the wait
    /// (see <see cref="EventWaitHandles"/>), the run parks until the event or the timeout, and the step's checkpoint is
    /// the event's payload (or an <see cref="EventResult{T}"/>); null for any other step.
    /// </summary>
    public StepEvent? Event { get; init; }
}
