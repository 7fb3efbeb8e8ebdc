namespace Inquir.Typed;

/// <summary>
/// The return type of a step that may not be done: either its output (a plain value, or a <see cref="Delayed{T}"/>
/// one), or a <see cref="Snoozed"/> that makes the run due again at the same step later. The next step takes
/// <typeparamref name="T"/>. Both convert implicitly, so the step returns either one.
/// </summary>
/// <typeparam name="T">The output the next step takes.</typeparam>
/// <example>
/// <code>
/// [Step(MaxSnoozes = 48)]
/// public async Task&lt;StepResult&lt;Report&gt;&gt; Fetch(Order order, StepContext ctx, CancellationToken ct)
/// {
///     var report = await reports.FindAsync(order.Id, ct);
///     if (report is null)
///     {
///         return ctx.Snooze(TimeSpan.FromMinutes(30));    // not ready: try again in 30 min, no retry used
///     }
///
///     return report;
/// }
/// </code>
/// </example>
public readonly record struct StepResult<T>
{
    private StepResult(T value, StepInstruction? instruction)
    {
        Value = value;
        Instruction = instruction;
    }

    /// <summary>The output; <see langword="default"/> when the step snoozed.</summary>
    public T Value { get; }

    /// <summary>Whether the step snoozed instead of returning an output.</summary>
    public bool IsSnoozed => Instruction is SnoozeInstruction;

    internal StepInstruction? Instruction { get; }

    /// <summary>The step's output, which the next step takes at once.</summary>
    public static implicit operator StepResult<T>(T value) => new(value, null);

    /// <summary>The step's output, which the next step takes when the delay has passed.</summary>
    public static implicit operator StepResult<T>(Delayed<T> delayed) => new(delayed.Value, delayed.Sleep);

    /// <summary>No output yet: the step is due again <see cref="Snoozed.For"/> later.</summary>
    public static implicit operator StepResult<T>(Snoozed snoozed) => new(default!, new SnoozeInstruction(snoozed.For));
}
