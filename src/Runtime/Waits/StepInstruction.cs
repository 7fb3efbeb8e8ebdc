namespace Inquir.Typed;

/// <summary>
/// What a step's return value asks of the runtime besides its output: a step that returns <see cref="Delayed{T}"/>,
/// <see cref="StepResult{T}"/> (and, in time, other waits) hands its value to the generated invoker, which records the
/// instruction on the attempt's <see cref="StepContext"/> for the worker to decide by.
/// </summary>
internal abstract record StepInstruction;

/// <summary>The next step is due <paramref name="For"/> after the checkpoint commits, or at <paramref name="Until"/> when that is set.</summary>
internal sealed record SleepInstruction(TimeSpan For, DateTimeOffset? Until) : StepInstruction;

/// <summary>The step is not done: the run is due again at the same step <paramref name="For"/> after the attempt commits.</summary>
internal sealed record SnoozeInstruction(TimeSpan For) : StepInstruction;
