namespace Inquir.Typed;

/// <summary>
/// An event was refused, with the reason: an event is never dropped silently. Nothing was stored.
/// </summary>
public sealed class EventRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the event was refused.</param>
    /// <param name="eventName">The event's name.</param>
    /// <param name="target">The run it was sent to: its id, or its workflow and idempotency key.</param>
    /// <param name="detail">What the reason means for this run.</param>
    public EventRefusedException(EventRefusal reason, string eventName, string target, string detail)
        : base($"Event '{eventName}' for {target} was refused: {detail}.")
    {
        Reason = reason;
        EventName = eventName;
        Target = target;
    }

    /// <summary>Why the event was refused.</summary>
    public EventRefusal Reason { get; }

    /// <summary>The event's name.</summary>
    public string EventName { get; }

    /// <summary>The run it was sent to, as the message names it.</summary>
    public string Target { get; }
}
