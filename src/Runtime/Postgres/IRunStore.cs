using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Everything the client and the worker ask of the database. One implementation per backend; all pass the same
/// conformance suite against a real server.
/// </summary>
internal interface IRunStore
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Inserts a run, or finds the run an earlier start with the same workflow and key made.</summary>
    Task<StartedRun> StartRunAsync(NewRun run, NpgsqlTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Reads a run.</summary>
    Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Claims up to <see cref="ClaimRequest.Limit"/> due runs of the given workflows and leases them.</summary>
    Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Writes many step outcomes in one statement; returns the runs whose outcome was committed (not fenced off).</summary>
    Task<IReadOnlySet<Guid>> CompleteAsync(IReadOnlyList<StepCompletion> completions, string worker, DateTimeOffset now, bool notify, CancellationToken cancellationToken);

    /// <summary>Extends the leases of a worker's runs; returns those that are still the worker's.</summary>
    Task<IReadOnlySet<Guid>> RenewLeasesAsync(IReadOnlyCollection<Guid> runIds, string owner, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken);

    /// <summary>Makes runs whose lease expired due again; returns how many.</summary>
    Task<int> RescueExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Hands back runs a stopping worker holds, due at once; returns how many.</summary>
    Task<int> ReleaseAsync(IReadOnlyCollection<HeldRun> runs, string worker, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Fails a held run without an attempt; false when the run is no longer held with that token.</summary>
    Task<bool> FailRunAsync(HeldRun run, string error, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A run to insert; its first step's name is stored so that even an attempt of the first step is recorded by name.</summary>
internal sealed record NewRun(Guid Id, string Workflow, string InputJson, string? IdempotencyKey, Guid? ParentRunId, DateTimeOffset Now, DateTimeOffset NextAttemptAt, string? FirstStepName = null);

/// <summary>What a claim asks for.</summary>
internal sealed record ClaimRequest(string Owner, IReadOnlyList<string> Workflows, int Limit, DateTimeOffset Now, DateTimeOffset LeaseExpiresAt);

/// <summary>A run a worker holds, identified by the token of its current lease.</summary>
internal readonly record struct HeldRun(Guid RunId, Guid LeaseToken);

/// <summary>
/// A claimed run: which step to run (its index, and its name as stored once the run got past the first step),
/// which attempt this is, and that step's input.
/// </summary>
internal sealed record ClaimedRun(Guid Id, string Workflow, int StepIndex, int Attempt, Guid LeaseToken, Guid? ParentRunId, string? StepInput, string? StepName = null)
{
    public HeldRun Held => new(Id, LeaseToken);
}
