namespace Inquir.Typed.Storage;

/// <summary>
/// Everything the client and the worker ask of the database. One implementation per backend; all pass the same
/// conformance suite against a real server. Every <c>now</c> is <see langword="null"/> in production, where the
/// database's clock decides leases and due times; tests pass a fake time instead (see <see cref="DatabaseClock"/>).
/// </summary>
internal interface IRunStore
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts a run, or finds the run an earlier start with the same workflow and key made (under a
    /// <see cref="NewRun.Policy"/>, the run holding the start key, which a debounced start folds into); the steps of its
    /// <see cref="NewRun.Shape"/> are recorded first (once per process and shape, see <see cref="GetShapeAsync"/>). A
    /// <see cref="StartRunRequest.Transaction"/> must be one of this store's database (else an <see cref="ArgumentException"/>
    /// naming it): the run is inserted in it and workers are woken when it commits.
    /// </summary>
    Task<StartedRun> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts many runs in one transaction (the caller's, when <see cref="StartRunsRequest.Transaction"/> is given), recording
    /// their shapes first as <see cref="StartRunAsync"/> does, and answers
    /// each in order: a row whose key its workflow already used, or an earlier row of the same batch used, gets the
    /// run that holds the key, each row under its own <see cref="NewRun.Policy"/>. Workers are woken once, and only when a run is due now. A row the database refuses
    /// fails the whole call (<see cref="RefusesData"/> says so), and nothing of it is inserted.
    /// </summary>
    Task<IReadOnlyList<StartedRun>> StartRunsAsync(StartRunsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The ordered step names of the recorded shape (a fingerprint, as <see cref="ClaimedRun.Shape"/>
    /// holds) that runs of the workflow were started with; <see langword="null"/> when none is recorded.
    /// </summary>
    Task<IReadOnlyList<string>?> GetShapeAsync(GetRunShapeRequest request, CancellationToken cancellationToken);

    /// <summary>Reads a run.</summary>
    Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Reads many runs in one statement (a woken parent reads all its children so); ids not found are left out, order is not kept.</summary>
    Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken);

    /// <summary>Claims up to <see cref="ClaimRequest.Limit"/> due runs at steps this deployment knows and leases them.</summary>
    Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Writes many step outcomes in one statement; returns the <see cref="StepCompletion.CompletionId"/>s that are
    /// committed (not fenced off), including those an earlier write of the same completion committed.
    /// </summary>
    Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken);

    /// <summary>Extends the leases of runs held with the given tokens; returns those still held with them.</summary>
    Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken);

    /// <summary>Makes runs whose lease expired due again; returns how many.</summary>
    Task<int> RescueExpiredLeasesAsync(RescueExpiredLeasesRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Fails up to <see cref="FailPastDeadlineRequest.Limit"/> unended runs (pending, running or waiting) whose deadline has passed, each
    /// without an attempt of user code (the attempt a running run was in is recorded as failed with
    /// <see cref="DeadlineExceededException"/>), with its unended descendants cancelled and its waiters woken in the
    /// same commit; a worker running one of them is told, and its step's token fires. Returns the runs failed.
    /// </summary>
    Task<IReadOnlyList<PastDeadlineRun>> FailPastDeadlineAsync(FailPastDeadlineRequest request, CancellationToken cancellationToken);

    /// <summary>Hands back runs a stopping worker holds, due at once; returns how many.</summary>
    Task<int> ReleaseAsync(ReleaseRunsRequest request, CancellationToken cancellationToken);

    /// <summary>Fails a held run without an attempt; false when the run is no longer held with that token.</summary>
    Task<bool> FailRunAsync(FailRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="error"/> says the database refused a write for its data (it fails the same way however
    /// often it is written): the worker then writes the batch in parts, so that only the bad outcome fails.
    /// </summary>
    bool RefusesData(Exception error);

    /// <summary>
    /// Whether <paramref name="error"/> says the database ended the statement because it ran past its time limit:
    /// a row too large to write in time does so however often it is written, and a row lock held elsewhere only for a
    /// while. The worker writes such a batch in parts, and a single outcome again until the batch's time is up.
    /// </summary>
    bool TimedOut(Exception error);

    /// <summary>Marks due runs of known workflows that wait at a step this deployment does not know; returns those newly marked.</summary>
    Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(ReportUnknownStepsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an event for a run in one commit, after locking the run: refused (nothing stored) when there is no such
    /// run, it has ended, or it is a run of another workflow than <see cref="SendEventRequest.Workflow"/>; a no-op when
    /// the run has an event of that name and id; taken at once, and the run made due, when the run waits for an event of
    /// that name whose timeout has not passed; else kept untaken for the run's wait to take.
    /// </summary>
    Task<EventSendResult> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The event that the wait of a step in an execution took (the last, if the step waited more than once); null when
    /// none did, which means its wait timed out.
    /// </summary>
    Task<TakenEvent?> GetTakenEventAsync(GetTakenEventRequest request, CancellationToken cancellationToken);

    /// <summary>Makes due (at most <see cref="TimeOutEventWaitsRequest.Limit"/>, soonest first) the runs whose wait for an event timed out; returns how many.</summary>
    Task<int> TimeOutEventWaitsAsync(TimeOutEventWaitsRequest request, CancellationToken cancellationToken);
}
