using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using System.Data.Common;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// A real store with hooks around its calls, to make the database's replies arrive late or not at all: the
/// statements still run against PostgreSQL.
/// </summary>
internal class DelegatingRunStore(IRunStore inner) : IRunStore
{
    public Task MigrateAsync(CancellationToken cancellationToken) => inner.MigrateAsync(cancellationToken);

    public Task<StartedRun> StartRunAsync(NewRun run, DbTransaction? transaction, CancellationToken cancellationToken) => inner.StartRunAsync(run, transaction, cancellationToken);

    public virtual Task<IReadOnlyList<StartedRun>> StartRunsAsync(IReadOnlyList<NewRun> runs, DbTransaction? transaction, CancellationToken cancellationToken) =>
        inner.StartRunsAsync(runs, transaction, cancellationToken);

    public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken) => inner.GetRunAsync(runId, cancellationToken);

    public Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken) => inner.GetRunsAsync(runIds, cancellationToken);

    public virtual Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken) => inner.ClaimAsync(request, cancellationToken);

    public virtual Task<IReadOnlySet<Guid>> CompleteAsync(IReadOnlyList<StepCompletion> completions, string worker, DateTimeOffset? now, bool notify, CancellationToken cancellationToken) =>
        inner.CompleteAsync(completions, worker, now, notify, cancellationToken);

    public virtual Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(IReadOnlyCollection<HeldRun> runs, TimeSpan leaseDuration, DateTimeOffset? now, CancellationToken cancellationToken) =>
        inner.RenewLeasesAsync(runs, leaseDuration, now, cancellationToken);

    public Task<int> RescueExpiredLeasesAsync(DateTimeOffset? now, int limit, CancellationToken cancellationToken) => inner.RescueExpiredLeasesAsync(now, limit, cancellationToken);

    public Task<int> ReleaseAsync(IReadOnlyCollection<ReleasedRun> runs, string worker, DateTimeOffset? now, CancellationToken cancellationToken) => inner.ReleaseAsync(runs, worker, now, cancellationToken);

    public Task<bool> FailRunAsync(HeldRun run, string error, DateTimeOffset? now, CancellationToken cancellationToken) => inner.FailRunAsync(run, error, now, cancellationToken);

    public bool RefusesData(Exception error) => inner.RefusesData(error);

    public bool TimedOut(Exception error) => inner.TimedOut(error);

    public Task<IReadOnlyList<string>?> GetShapeAsync(string workflow, long shape, CancellationToken cancellationToken) =>
        inner.GetShapeAsync(workflow, shape, cancellationToken);

    public Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(KnownSteps known, DateTimeOffset? now, int limit, CancellationToken cancellationToken) =>
        inner.ReportUnknownStepsAsync(known, now, limit, cancellationToken);
}
