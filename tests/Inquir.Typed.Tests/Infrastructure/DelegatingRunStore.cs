using Inquir.Typed.Storage;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// A real store with hooks around its calls, to make the database's replies arrive late or not at all: the
/// statements still run against PostgreSQL.
/// </summary>
internal class DelegatingRunStore(IRunStore inner) : IRunStore
{
    public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

    public Task<StartedRun> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken) => inner.StartRunAsync(request, cancellationToken);

    public virtual Task<IReadOnlyList<StartedRun>> StartRunsAsync(StartRunsRequest request, CancellationToken cancellationToken) => inner.StartRunsAsync(request, cancellationToken);

    public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

    public Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken) => inner.GetRunsAsync(runIds, cancellationToken);

    public virtual Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) => inner.ClaimAsync(request, cancellationToken);

    public virtual Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken) => inner.CompleteAsync(request, cancellationToken);

    public virtual Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken) => inner.RenewLeasesAsync(request, cancellationToken);

    public Task<int> RescueExpiredLeasesAsync(RescueExpiredLeasesRequest request, CancellationToken cancellationToken) => inner.RescueExpiredLeasesAsync(request, cancellationToken);

    public Task<IReadOnlyList<PastDeadlineRun>> FailPastDeadlineAsync(FailPastDeadlineRequest request, CancellationToken cancellationToken) => inner.FailPastDeadlineAsync(request, cancellationToken);

    public Task<int> ReleaseAsync(ReleaseRunsRequest request, CancellationToken cancellationToken) => inner.ReleaseAsync(request, cancellationToken);

    public Task<bool> FailRunAsync(FailRunRequest request, CancellationToken cancellationToken) => inner.FailRunAsync(request, cancellationToken);

    public bool RefusesData(Exception error) => inner.RefusesData(error);

    public bool TimedOut(Exception error) => inner.TimedOut(error);

    public Task<IReadOnlyList<string>?> GetShapeAsync(GetRunShapeRequest request, CancellationToken cancellationToken) => inner.GetShapeAsync(request, cancellationToken);

    public Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(ReportUnknownStepsRequest request, CancellationToken cancellationToken) =>
        inner.ReportUnknownStepsAsync(request, cancellationToken);

    public Task<EventSendResult> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken) => inner.SendEventAsync(request, cancellationToken);

    public Task<TakenEvent?> GetTakenEventAsync(GetTakenEventRequest request, CancellationToken cancellationToken) => inner.GetTakenEventAsync(request, cancellationToken);

    public Task<int> TimeOutEventWaitsAsync(TimeOutEventWaitsRequest request, CancellationToken cancellationToken) => inner.TimeOutEventWaitsAsync(request, cancellationToken);
}
