namespace Inquir.Typed.Storage;

/// <summary>
/// What the health checks, the backlog gauges, the alerts and the workers' heartbeats ask of the database. One implementation
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

    /// <summary>
    /// The unended runs that wait, by what for: an event, child runs, a sleep or a snooze that has not ended yet. Reads
    /// the partial indexes of waiting and of pending runs only.
    /// </summary>
    Task<WaitingRuns> WaitingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that the request's worker is alive now (its row in <c>workers</c>, written when it first beats), and
    /// deletes the rows of workers not seen for a day (they died without stopping).
    /// </summary>
    Task BeatAsync(WorkerBeatRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the request's worker's row: it stopped gracefully.</summary>
    Task RemoveWorkerAsync(RemoveWorkerRequest request, CancellationToken cancellationToken);

    /// <summary>The stored alert rules and their state.</summary>
    Task<IReadOnlyList<AlertInfo>> ListAlertsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins an evaluation of the alert rules that no other process runs at the same time; <see langword="null"/>
    /// when another evaluator holds it now (that one's turn counts for this one too).
    /// </summary>
    Task<IAlertEvaluationScope?> TryBeginAlertEvaluationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Leases every undelivered notice of one rule to the request's owner for its lease from
    /// now: the rule of the oldest notice that is due and whose rule no live lease holds. Empty when none is due. One
    /// claim at a time, so two workers never hold one rule's notices together.
    /// </summary>
    Task<IReadOnlyList<PendingAlertNotice>> ClaimAlertNoticesAsync(ClaimNoticesRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the request's sink took the notice (none: a sink was only tried), and renews the owner's
    /// lease on everything it holds. False when the owner no longer holds the notice: its lease ran out and another
    /// worker claimed it.
    /// </summary>
    Task<bool> RecordAlertNoticeSinkAsync(RecordNoticeSinkRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Ends the owner's delivery try of a notice and its lease: delivered when the request's retry delay is null
    /// (every sink took it), else due again after it, with the problem.
    /// </summary>
    Task FinishAlertNoticeAsync(FinishNoticeRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the notices written more than the request's retention ago; returns how many of them some sink had not taken.</summary>
    Task<int> DeleteOldAlertNoticesAsync(DeleteOldNoticesRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the notifications a starting worker's workflows ask for; the trigger that ends runs reads them.</summary>
    Task RegisterNotificationsAsync(RegisterNotificationsRequest request, CancellationToken cancellationToken);

    /// <summary>Leases due notifications to the request's owner (SKIP LOCKED on PostgreSQL, one write transaction at a time on SQLite).</summary>
    Task<IReadOnlyList<PendingRunNotification>> ClaimNotificationsAsync(ClaimNotificationsRequest request, CancellationToken cancellationToken);

    /// <summary>Ends one post of a notification the owner holds; nothing when its lease ran out and another claimed it.</summary>
    Task FinishNotificationAsync(FinishNotificationRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the delivered and given-up notifications older than the request's retention.</summary>
    Task DeleteOldNotificationsAsync(DeleteOldNotificationsRequest request, CancellationToken cancellationToken);

    /// <summary>A run's notifications, one per execution that ended as its workflow asked to be told.</summary>
    Task<IReadOnlyList<RunNotificationInfo>> RunNotificationsAsync(Guid runId, CancellationToken cancellationToken);
}

/// <summary>One evaluation's transaction: what it writes is seen by others only once <see cref="CommitAsync"/> returns.</summary>
internal interface IAlertEvaluationScope : IAsyncDisposable
{
    /// <summary>Writes every rule of this host, new ones in state ok; a changed definition keeps its state.</summary>
    Task UpsertAsync(UpsertAlertRulesRequest request, CancellationToken cancellationToken);

    /// <summary>The stored rules and their state, as this transaction sees them.</summary>
    Task<IReadOnlyList<AlertInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The rule's numbers now: for a failure-rate rule over its window ending now, with the commonest error messages;
    /// for a queue-lag rule the queue's due runs and the oldest one's wait; for a no-live-worker rule the live
    /// workers and the newest heartbeat (or, with none in <c>workers</c>, the one the rule saw last).
    /// </summary>
    Task<AlertMeasure> MeasureAsync(MeasureRuleRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the evaluation; returns when the rule entered the state it is in after it.</summary>
    Task<DateTimeOffset> RecordAsync(RecordEvaluationRequest request, CancellationToken cancellationToken);

    /// <summary>Keeps the notice of a state change for its sinks: it exists once this transaction commits, and only then.</summary>
    Task AddNoticeAsync(InsertNoticeRequest request, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
