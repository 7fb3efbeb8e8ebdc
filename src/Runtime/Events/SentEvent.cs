namespace Inquir.Typed;

/// <summary>What became of an event that was not refused.</summary>
public enum EventDelivery
{
    /// <summary>The run waited for it: it took the event and is due at once.</summary>
    Delivered,

    /// <summary>The run does not wait for it yet: the event is kept, and its wait takes it when the run gets there.</summary>
    Kept,

    /// <summary>An event of that name and id was sent to the run before: this send changed nothing.</summary>
    Duplicate,
}

/// <summary>An event that a run took or keeps.</summary>
/// <param name="RunId">The run it was sent to.</param>
/// <param name="Workflow">The run's stored workflow name.</param>
/// <param name="Name">The event's name.</param>
/// <param name="EventId">The sender's id of the event.</param>
/// <param name="Delivery">Whether the run took it now, keeps it for later, or had it already.</param>
public sealed record SentEvent(Guid RunId, string Workflow, string Name, string EventId, EventDelivery Delivery);
