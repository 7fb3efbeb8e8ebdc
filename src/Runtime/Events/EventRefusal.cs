namespace Inquir.Typed;

/// <summary>Why an event was not taken for a run (see <see cref="EventRefusedException"/>).</summary>
public enum EventRefusal
{
    /// <summary>No run has that id, or the workflow has no run with that idempotency key.</summary>
    RunNotFound,

    /// <summary>The run has ended (succeeded, failed or was cancelled): nothing would ever take the event.</summary>
    RunEnded,

    /// <summary>The run's workflow never waits for an event of that name (known from its descriptor in this process).</summary>
    NotAwaited,

    /// <summary>The run is a run of another workflow than the sender named.</summary>
    OtherWorkflow,

    /// <summary>The payload is not JSON of the type the workflow waits for.</summary>
    PayloadNotReadable,
}
