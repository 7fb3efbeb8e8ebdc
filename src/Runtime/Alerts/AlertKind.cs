namespace Inquir.Typed;

/// <summary>What an alert rule watches; bound from <c>Inquir:Alerts:{name}:Kind</c>.</summary>
public enum AlertKind
{
    /// <summary>The failure rate of a workflow's runs or of one step's attempts (the default).</summary>
    FailureRate,

    /// <summary>How long the oldest due run of one queue has waited to be claimed.</summary>
    QueueLag,

    /// <summary>How long the database has gone without a worker's heartbeat.</summary>
    NoLiveWorker,
}
