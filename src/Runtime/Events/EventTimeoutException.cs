namespace Inquir.Typed;

/// <summary>
/// Fails a step that waited for an event (<see cref="EventWait{T}"/>) when no event came before its timeout. It is
/// permanent: the run fails. Replaying it runs the waiting step again, which waits again. A next step that takes
/// <see cref="EventResult{T}"/> gets <see cref="EventResult{T}.TimedOut"/> instead of this exception.
/// </summary>
public sealed class EventTimeoutException : PermanentFailureException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventName">The event the step waited for.</param>
    /// <param name="stepName">The step that waited.</param>
    public EventTimeoutException(string eventName, string stepName)
        : base($"step '{stepName}' waited for event '{eventName}', and none came before its timeout")
    {
        EventName = eventName;
        StepName = stepName;
    }

    /// <summary>The event the step waited for.</summary>
    public string EventName { get; }

    /// <summary>The step that waited.</summary>
    public string StepName { get; }
}
