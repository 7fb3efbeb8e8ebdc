namespace Inquir.Typed;

/// <summary>
/// A step's answer that its input is not ready yet: the run is due again at the same step <see cref="For"/> later, the
/// attempt is recorded as snoozed and does not use up a retry. Made by <see cref="StepContext.Snooze(TimeSpan)"/> and
/// returned as a <see cref="StepResult{T}"/>.
/// </summary>
public readonly record struct Snoozed
{
    internal Snoozed(TimeSpan delay) => For = delay;

    /// <summary>How long after the attempt the step is due again.</summary>
    public TimeSpan For { get; }
}
