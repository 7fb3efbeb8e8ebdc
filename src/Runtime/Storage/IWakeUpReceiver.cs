namespace Inquir.Typed.Storage;

/// <summary>What an <see cref="IWakeUpSource"/> tells the worker.</summary>
internal interface IWakeUpReceiver
{
    /// <summary>The source is in place (again): a cancel sent from now on reaches this worker, and work that became due meanwhile is to be looked for.</summary>
    void ListeningStarted();

    /// <summary>
    /// The source lost its connection (or could not make one): until <see cref="ListeningStarted"/> again, new work is
    /// found only by polling and a cancel reaches a running step only at its next lease renewal.
    /// </summary>
    void ListeningStopped();

    /// <summary>There may be due work.</summary>
    void WorkAvailable();

    /// <summary>The run held with that lease was cancelled.</summary>
    void Cancelled(HeldRun run);
}
