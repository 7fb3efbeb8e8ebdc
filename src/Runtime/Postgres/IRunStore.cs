using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Everything the client and the worker ask of the database. One implementation per backend; all pass the same
/// conformance suite against a real server. Every <c>now</c> is <see langword="null"/> in production, where the
/// database's clock decides leases and due times; tests pass a fake time instead (see <see cref="DatabaseClock"/>).
/// </summary>
internal interface IRunStore
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a run, or finds the run an earlier start with the same workflow and key made.</summary>
    Task<StartedRun> StartRunAsync(NewRun run, NpgsqlTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Reads a run.</summary>
    Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Claims up to <see cref="ClaimRequest.Limit"/> due runs at steps this deployment knows and leases them.</summary>
    Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Writes many step outcomes in one statement; returns the <see cref="StepCompletion.CompletionId"/>s that are
    /// committed (not fenced off), including those an earlier write of the same completion committed.
    /// </summary>
    Task<IReadOnlySet<Guid>> CompleteAsync(IReadOnlyList<StepCompletion> completions, string worker, DateTimeOffset? now, bool notify, CancellationToken cancellationToken);

    /// <summary>Extends the leases of runs held with the given tokens; returns those still held with them.</summary>
    Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(IReadOnlyCollection<HeldRun> runs, TimeSpan leaseDuration, DateTimeOffset? now, CancellationToken cancellationToken);

    /// <summary>Makes runs whose lease expired due again; returns how many.</summary>
    Task<int> RescueExpiredLeasesAsync(DateTimeOffset? now, int limit, CancellationToken cancellationToken);

    /// <summary>Hands back runs a stopping worker holds, due at once; returns how many.</summary>
    Task<int> ReleaseAsync(IReadOnlyCollection<ReleasedRun> runs, string worker, DateTimeOffset? now, CancellationToken cancellationToken);

    /// <summary>Fails a held run without an attempt; false when the run is no longer held with that token.</summary>
    Task<bool> FailRunAsync(HeldRun run, string error, DateTimeOffset? now, CancellationToken cancellationToken);

    /// <summary>Marks due runs of known workflows that wait at a step this deployment does not know; returns those newly marked.</summary>
    Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(KnownSteps known, DateTimeOffset? now, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// A run to insert, due at <paramref name="RunAt"/> or else <paramref name="Delay"/> after now on the database's clock;
/// its first step's name is stored so that even an attempt of the first step is recorded by name.
/// </summary>
internal sealed record NewRun(
    Guid Id, string Workflow, string InputJson, string? IdempotencyKey, Guid? ParentRunId, DateTimeOffset? Now, DateTimeOffset? RunAt, TimeSpan Delay, string? FirstStepName = null);

/// <summary>What a claim asks for.</summary>
internal sealed record ClaimRequest(string Owner, KnownSteps Steps, int Limit, TimeSpan LeaseDuration, DateTimeOffset? Now);

/// <summary>A run a worker holds, identified by the token of its current lease.</summary>
internal readonly record struct HeldRun(Guid RunId, Guid LeaseToken);

/// <summary>A held run handed back; an attempt that never started leaves no attempt row.</summary>
internal readonly record struct ReleasedRun(HeldRun Run, bool AttemptStarted);

/// <summary>A run that waits at a step this deployment does not know.</summary>
internal sealed record UnknownStepRun(Guid RunId, string Workflow, int StepIndex, string? StepName);

/// <summary>
/// A claimed run: which step to run (its index, and its name as stored once the run got past the first step),
/// which attempt of which execution this is, and that step's input.
/// </summary>
internal sealed record ClaimedRun(Guid Id, string Workflow, int StepIndex, int Attempt, Guid LeaseToken, Guid? ParentRunId, string? StepInput, string? StepName = null, int Execution = 1)
{
    public HeldRun Held => new(Id, LeaseToken);
}
