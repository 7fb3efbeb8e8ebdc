namespace Inquir.Typed;

/// <summary>Where a run is in its life.</summary>
public enum RunStatus
{
    /// <summary>Waiting for a worker: new, or a step waits for its retry.</summary>
    Pending,

    /// <summary>A worker holds the run and is running one of its steps.</summary>
    Running,

    /// <summary>Every step completed; the result is stored.</summary>
    Succeeded,

    /// <summary>A step failed permanently or ran out of retries.</summary>
    Failed,

    /// <summary>The run was cancelled.</summary>
    Cancelled,

    /// <summary>
    /// A step handed child runs to the runtime (it returned <see cref="WorkflowRun{TResult}"/> or a list of them): the
    /// run holds no worker and becomes <see cref="Pending"/> in the commit that ends its last child.
    /// </summary>
    Waiting,

    /// <summary>
    /// Due, but a concurrency limit it must pass is full (<see cref="RunInfo.HeldBy"/> names it): the run holds no
    /// worker and no lease, and is due again, in its turn, when a slot of that limit frees.
    /// </summary>
    Held,
}
