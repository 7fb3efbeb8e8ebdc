namespace Inquir.Typed.Storage;

/// <summary>
/// Tells a worker when there may be new work and when a run it may hold was cancelled: LISTEN/NOTIFY on
/// PostgreSQL, an in-process signal on SQLite. Polling covers whatever a source misses.
/// </summary>
internal interface IWakeUpSource
{
    /// <summary>Delivers wake-ups to <paramref name="receiver"/> until <paramref name="stoppingToken"/> fires.</summary>
    Task ListenAsync(IWakeUpReceiver receiver, CancellationToken stoppingToken);
}
