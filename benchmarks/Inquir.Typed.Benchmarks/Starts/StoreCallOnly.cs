using Inquir.Typed.Storage;

namespace Inquir.Typed.Benchmarks.Starts;

/// <summary>
/// A store whose starts write nothing: it answers every run it receives as created, so that a benchmark measures the
/// client's path up to the store call (encoding, checks, the run's row, the coalescer) without the database's write.
/// Everything else is not needed by a start and refuses.
/// </summary>
internal sealed class StoreCallOnly : IRunStore
{
    /// <summary>The last run the client handed over, to check what the store would have received.</summary>
    public NewRun? Last { get; private set; }

    public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<StartedRun> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        Last = request.Run;
        return Task.FromResult(new StartedRun(request.Run.Id, Created: true));
    }

    public Task<IReadOnlyList<StartedRun>> StartRunsAsync(StartRunsRequest request, CancellationToken cancellationToken)
    {
        var runs = request.Runs;
        var started = new StartedRun[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            started[i] = new StartedRun(runs[i].Id, Created: true);
            Last = runs[i];
        }

        return Task.FromResult<IReadOnlyList<StartedRun>>(started);
    }

    public bool RefusesData(Exception error) => false;

    public bool TimedOut(Exception error) => false;

    public Task<IReadOnlyList<string>?> GetShapeAsync(GetRunShapeRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken) => throw NotAStart();

    public Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken) => throw NotAStart();

    public Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken) =>
        throw NotAStart();

    public Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken) =>
        throw NotAStart();

    public Task<int> RescueExpiredLeasesAsync(RescueExpiredLeasesRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<IReadOnlyList<PastDeadlineRun>> FailPastDeadlineAsync(FailPastDeadlineRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<int> ReleaseAsync(ReleaseRunsRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<bool> FailRunAsync(FailRunRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(ReportUnknownStepsRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<EventSendResult> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<TakenEvent?> GetTakenEventAsync(GetTakenEventRequest request, CancellationToken cancellationToken) => throw NotAStart();

    public Task<int> TimeOutEventWaitsAsync(TimeOutEventWaitsRequest request, CancellationToken cancellationToken) => throw NotAStart();

    private static NotSupportedException NotAStart() => new("The start benchmark's store only takes starts.");
}
