namespace Inquir.Typed;

/// <summary>
/// The operator's view of runs: read a run attempt by attempt, search the history, see what is failing, and
/// replay, restart or cancel runs. Registered by <c>AddInquir</c>; it needs none of the workflow classes, so a
/// tool can use it against any deployment's database.
/// </summary>
/// <example>
/// <code>
/// var page = await history.SearchAsync(new RunQuery { Status = RunStatus.Failed, ErrorContains = "timeout", Since = DateTimeOffset.UtcNow.AddHours(-1) });
/// foreach (var run in page.Runs) await history.ReplayAsync(run.Id);
/// </code>
/// </example>
public interface IWorkflowHistory
{
    /// <summary>Reads a run with its steps, checkpoints, every attempt, and the runs it started or that restarted it; <see langword="null"/> when there is none.</summary>
    Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Finds runs matching every filter of <paramref name="query"/>, newest first, one page at a time.</summary>
    /// <exception cref="ArgumentException">A filter is not valid: an empty time range, a limit out of range, a cursor this search did not make.</exception>
    Task<RunPage> SearchAsync(RunQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a failed or cancelled run again from the step that ended it, as a new execution: the checkpoints of
    /// completed steps are kept and those steps are not run again; the step's attempts count from 1 again; the
    /// earlier attempts stay in the history, marked with the execution they belonged to.
    /// </summary>
    /// <exception cref="RunNotFoundException">There is no run with that id.</exception>
    /// <exception cref="RunStateException">The run is pending, running or succeeded.</exception>
    Task ReplayAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Replays every failed run that <paramref name="query"/> matches (its status filter must be empty or <see cref="RunStatus.Failed"/>); returns how many were, or with <paramref name="dryRun"/> how many would be.</summary>
    /// <exception cref="ArgumentException">The query asks for another status, or a filter is not valid.</exception>
    Task<int> ReplayFailedAsync(RunQuery query, bool dryRun, CancellationToken cancellationToken = default);

    /// <summary>Starts a finished run again from scratch as a new run with the stored input, linked to the original; returns the new run's id.</summary>
    /// <exception cref="RunNotFoundException">There is no run with that id.</exception>
    /// <exception cref="RunStateException">The run has not finished yet (cancel it first).</exception>
    Task<Guid> RestartAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a pending, running or waiting run: no further step starts and the run ends <see cref="RunStatus.Cancelled"/>.
    /// A running step's <see cref="CancellationToken"/> fires at its worker's next lease renewal (within a third of
    /// the lease duration). A run waiting for children cancels, in the same commit, those of them that have not
    /// ended, and theirs in turn: nothing would take their results any more. A cancelled child fails the step of
    /// its waiting parent with <see cref="ChildWorkflowFailedException"/>.
    /// </summary>
    /// <param name="runId">The run.</param>
    /// <param name="reason">Recorded as the run's error; a default text when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call, not the run.</param>
    /// <exception cref="RunNotFoundException">There is no run with that id.</exception>
    /// <exception cref="RunStateException">The run has already finished.</exception>
    Task CancelAsync(Guid runId, string? reason = null, CancellationToken cancellationToken = default);

    /// <summary>Failed attempts between <paramref name="since"/> and <paramref name="until"/> grouped by workflow, step and error type, most frequent first.</summary>
    /// <exception cref="ArgumentException">The time range is empty or the limit is not positive.</exception>
    Task<IReadOnlyList<FailureGroup>> FailuresAsync(DateTimeOffset since, DateTimeOffset until, string? workflow = null, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs created between <paramref name="since"/> and <paramref name="until"/> counted by workflow, status and
    /// time bucket of <paramref name="bucket"/> (for charts of the failure rate), with the backlog due now.
    /// </summary>
    /// <exception cref="ArgumentException">The time range is empty, or the bucket is not a whole number of seconds from one second to one day.</exception>
    Task<RunActivity> ActivityAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default);

    /// <summary>
    /// Throughput and failures between <paramref name="since"/> and <paramref name="until"/>, one entry per time
    /// bucket of <paramref name="bucket"/> (empty ones included, the first holding <paramref name="since"/>):
    /// top-level runs that finished, by how they ended, and failed attempts of any run. Both are counted from
    /// indexes bounded by the range, so a chart of the last hour or day does not read the whole history.
    /// </summary>
    /// <exception cref="ArgumentException">The time range is empty or longer than 2,000 buckets, or the bucket is not a whole number of seconds from one second to one day.</exception>
    Task<IReadOnlyList<ThroughputBucket>> ThroughputAsync(DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken = default);

    /// <summary>Deletes finished runs older than the ages in <paramref name="retention"/>, in bounded batches; returns how many runs were deleted.</summary>
    /// <exception cref="ArgumentException">An age or the batch size is not positive.</exception>
    Task<int> DeleteExpiredAsync(RetentionOptions retention, CancellationToken cancellationToken = default);

    /// <summary>Creates the schema or brings it up to date (what the runtime does at start when <see cref="InquirOptions.ApplyMigrations"/> is on).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
