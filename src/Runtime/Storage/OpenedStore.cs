namespace Inquir.Typed.Storage;

/// <summary>The services a <see cref="StoreBackend"/> opened; disposing it closes the database.</summary>
internal sealed class OpenedStore(IRunStore runs, IHistoryStore history, IWakeUpSource wakeUps, IAsyncDisposable database) : IAsyncDisposable
{
    public IRunStore Runs { get; } = runs;

    public IHistoryStore History { get; } = history;

    public IWakeUpSource WakeUps { get; } = wakeUps;

    /// <summary>The health checks', backlog gauges' and alerts' queries.</summary>
    public required IMonitoringStore Monitoring { get; init; }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
