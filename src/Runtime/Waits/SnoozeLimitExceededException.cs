namespace Inquir.Typed;

/// <summary>
/// Fails a step that snoozed as often as its bound allows (<see cref="StepAttribute.MaxSnoozes"/>, else
/// <see cref="WorkerOptions.MaxSnoozes"/>) and asked to snooze once more: permanent, so that a run whose input never
/// becomes ready ends where it is seen instead of snoozing forever.
/// </summary>
public sealed class SnoozeLimitExceededException : PermanentFailureException
{
    /// <summary>Creates the exception.</summary>
    public SnoozeLimitExceededException()
        : base("the step snoozed as often as it may")
    {
    }

    /// <summary>Creates the exception with the message stored as the run's error.</summary>
    public SnoozeLimitExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SnoozeLimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal static SnoozeLimitExceededException For(string step, int maxSnoozes) =>
        new($"step '{step}' snoozed {maxSnoozes} times, the most it may (MaxSnoozes), and asked to snooze again; it failed so that the run does not wait forever for input that does not come");
}
