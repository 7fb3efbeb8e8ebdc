namespace Inquir.Typed.Storage;

/// <summary>What a store did with a <see cref="SendEventRequest"/>.</summary>
internal enum EventSendStatus
{
    /// <summary>No such run: nothing stored.</summary>
    RunNotFound,

    /// <summary>The run has ended: nothing stored.</summary>
    RunEnded,

    /// <summary>The run is a run of another workflow than the send named: nothing stored.</summary>
    OtherWorkflow,

    /// <summary>The run has an event of that name and id already: nothing changed.</summary>
    Duplicate,

    /// <summary>Stored untaken: the run's wait for it takes it when the run gets there.</summary>
    Kept,

    /// <summary>Stored and taken by the run's wait, which is due now.</summary>
    Delivered,
}

/// <summary>The answer to a <see cref="SendEventRequest"/>: what was done, and the run it found (its id, workflow and status), if any.</summary>
internal sealed record EventSendResult(EventSendStatus Status, Guid? RunId, string? Workflow, RunStatus? RunStatus);

/// <summary>An event a run's wait took: its id and payload JSON.</summary>
internal sealed record TakenEvent(string EventId, string PayloadJson);
