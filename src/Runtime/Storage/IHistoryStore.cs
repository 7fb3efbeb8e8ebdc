namespace Inquir.Typed.Storage;

/// <summary>
/// What history, operator commands, retention and schedules ask of the database. One implementation per backend;
/// all pass the same conformance suite. Every <c>now</c> is <see langword="null"/> in production, where the
/// database's clock decides due times (see <see cref="DatabaseClock"/>).
/// </summary>
internal interface IHistoryStore
{
    /// <summary>Finds runs by the search's filters, newest first, after its cursor.</summary>
    Task<IReadOnlyList<RunRow>> SearchAsync(SearchRunsRequest request, CancellationToken cancellationToken);

    /// <summary>Reads a run with its checkpoints, every attempt, its children and its restarts.</summary>
    Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Replays failed or cancelled runs from the step that stopped them; returns what each run was and whether it was replayed.</summary>
    Task<IReadOnlyList<ReplayRow>> ReplayAsync(ReplayRunsRequest request, CancellationToken cancellationToken);

    /// <summary>Inserts the restarted run; <see langword="null"/> when the original does not exist or has not finished.</summary>
    Task<Guid?> RestartAsync(RestartRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels the run if it is pending, running or waiting (and, when it waits, its unended children, down every
    /// waiting child), making its waiting parent due when no other child of it is left; returns the status it had
    /// and the workflows of the runs it cancelled, or <see langword="null"/> when there is no such run.
    /// </summary>
    Task<CancelResult?> CancelAsync(CancelRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to the request's limit of runs of its statuses that finished more than its age before its now (the
    /// database's clock when null, so that a host whose clock is ahead deletes nothing early) and have no parent, with
    /// their checkpoints and attempts; returns how many.
    /// </summary>
    Task<int> DeleteFinishedAsync(DeleteFinishedRunsRequest request, CancellationToken cancellationToken);

    /// <summary>Failed attempts in a time range, grouped by workflow, step and error type.</summary>
    Task<IReadOnlyList<FailureGroup>> FailuresAsync(FailureSummaryRequest request, CancellationToken cancellationToken);

    /// <summary>Runs created in [since, until) counted by workflow, status and bucket, with the backlog at the request's now.</summary>
    Task<RunActivity> ActivityAsync(RunActivityRequest request, CancellationToken cancellationToken);

    /// <summary>Top-level runs finished in [since, until) by status and bucket, and failed attempts by bucket, one per bucket of the range.</summary>
    Task<IReadOnlyList<ThroughputBucket>> ThroughputAsync(RunThroughputRequest request, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the schedules the deployment defines.</summary>
    Task UpsertSchedulesAsync(UpsertSchedulesRequest request, CancellationToken cancellationToken);

    /// <summary>Reads every schedule.</summary>
    Task<IReadOnlyList<ScheduleRow>> ListSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>Records the request's tick as the latest tick of the schedule handled.</summary>
    Task AdvanceScheduleAsync(AdvanceScheduleRequest request, CancellationToken cancellationToken);

    /// <summary>Pauses or resumes a schedule; false when there is no schedule of that name.</summary>
    Task<bool> SetSchedulePausedAsync(SetSchedulePausedRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the queues a worker serves or its workflows start runs in, not paused; a queue already stored keeps its switch.</summary>
    Task RegisterQueuesAsync(RegisterQueuesRequest request, CancellationToken cancellationToken);

    /// <summary>Every stored queue and every queue that holds unended runs, by name, with its runs counted by status.</summary>
    Task<IReadOnlyList<QueueRow>> ListQueuesAsync(DateTimeOffset? now, CancellationToken cancellationToken);

    /// <summary>
    /// Pauses or resumes a queue for every worker (a resume wakes them); false when the queue is not known: not
    /// stored, not <c>default</c>, and no unended run is in it.
    /// </summary>
    Task<bool> SetQueuePausedAsync(SetQueuePausedRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the limits a worker enforces, as it defines them; a stored limit of the same name takes this definition.</summary>
    Task RegisterLimitsAsync(RegisterLimitsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Every stored limit and every limit with counters, by name, with its runs holding a slot and held waiting for one
    /// (summed over its keys), its key counts, and up to the request's number of its busiest keys.
    /// </summary>
    Task<LimitList> ListLimitsAsync(ListLimitsRequest request, CancellationToken cancellationToken);
}
