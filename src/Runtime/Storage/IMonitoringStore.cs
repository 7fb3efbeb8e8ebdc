namespace Inquir.Typed.Storage;

/// <summary>
/// What the health checks, the backlog gauges and the failure-rate alerts ask of the database. One implementation
/// per backend, each over the same tables as its run store; every <c>now</c> follows <see cref="DatabaseClock"/>.
/// </summary>
internal interface IMonitoringStore
{
    /// <summary>The database's kind as messages name it: <c>PostgreSQL</c>, <c>SQLite</c>.</summary>
    string Kind { get; }

    /// <summary>What the backlog gauges are tagged with (<c>inquir.schema</c>): the schema, or the SQLite file.</summary>
    string Label { get; }

    /// <summary>Whether the database answers with the runtime's tables there (false: it answers, the tables are not there yet); throws when it does not answer.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);

    /// <summary>Runs due and not claimed, and how long the oldest has waited.</summary>
    Task<Backlog> BacklogAsync(CancellationToken cancellationToken);

    /// <summary>The stored alert rules and their state.</summary>
    Task<IReadOnlyList<AlertInfo>> ListAlertsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins an evaluation of the alert rules that no other process runs at the same time; <see langword="null"/>
    /// when another evaluator holds it now (that one's turn counts for this one too).
    /// </summary>
    Task<IAlertEvaluationScope?> TryBeginAlertEvaluationAsync(CancellationToken cancellationToken);
}

/// <summary>One evaluation's transaction: what it writes is seen by others only once <see cref="CommitAsync"/> returns.</summary>
internal interface IAlertEvaluationScope : IAsyncDisposable
{
    /// <summary>Writes every rule of this host, new ones in state ok; a changed definition keeps its state.</summary>
    Task UpsertAsync(IReadOnlyList<AlertDefinition> rules, DateTimeOffset? now, CancellationToken cancellationToken);

    /// <summary>The stored rules and their state, as this transaction sees them.</summary>
    Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The rule's numbers over its window ending now, with the commonest error messages.</summary>
    Task<AlertMeasure> MeasureAsync(AlertDefinition rule, DateTimeOffset? now, int topErrors, CancellationToken cancellationToken);

    /// <summary>Stores the evaluation; returns when the rule entered the state it is in after it.</summary>
    Task<DateTimeOffset> RecordAsync(AlertDefinition rule, AlertState state, AlertMeasure measure, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
