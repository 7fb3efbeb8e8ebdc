namespace Inquir.Typed.Storage;

/// <summary>The services a <see cref="StoreBackend"/> opened; disposing it closes the database.</summary>
internal sealed class OpenedStore(IRunStore runs, IHistoryStore history, IWakeUpSource wakeUps, IAsyncDisposable database) : IAsyncDisposable
{
    public IRunStore Runs { get; } = runs;

    public IHistoryStore History { get; } = history;

    public IWakeUpSource WakeUps { get; } = wakeUps;

    /// <summary>The database the services share, as the backend's own type (its data source, its file).</summary>
    public IAsyncDisposable Database { get; } = database;

    /// <summary>The health checks', backlog gauges' and alerts' queries.</summary>
    public required IMonitoringStore Monitoring { get; init; }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
