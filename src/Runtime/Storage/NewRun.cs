namespace Inquir.Typed.Storage;

/// <summary>
/// A run to insert, due at <paramref name="RunAt"/> or else <paramref name="Delay"/> after now on the database's clock;
/// its first step's name is stored so that even an attempt of the first step is recorded by name. <paramref name="Input"/>
/// is the input as UTF-8 JSON that <see cref="StoreLimits"/> passed: the store writes these bytes as they are (PostgreSQL
/// binds them as <c>jsonb</c>, SQLite as text) and never holds them as a .NET string.
/// </summary>
internal sealed record NewRun(
    Guid Id, string Workflow, byte[] Input, string? IdempotencyKey, Guid? ParentRunId, DateTimeOffset? Now, DateTimeOffset? RunAt, TimeSpan Delay, string? FirstStepName = null)
{
    /// <summary>The W3C trace context of the code that started the run, stored so that its steps' spans continue that trace.</summary>
    public RunTraceContext Trace { get; init; }

    /// <summary>
    /// The steps the run is started with: the run row keeps their fingerprint, and the store records the names once
    /// per workflow and fingerprint. <see langword="null"/> leaves the run to follow the steps of whichever worker
    /// holds it (the behaviour of runs started before shapes were recorded).
    /// </summary>
    public RunShape? Shape { get; init; }

    /// <summary>The keys of the run's keyed limits, a JSON object from limit name to key; <see langword="null"/> when it has none.</summary>
    public string? LimitKeys { get; init; }

    /// <summary>
    /// The start policy of a run with a key, <see langword="null"/> for the forever-unique key. With a policy,
    /// <see cref="IdempotencyKey"/> (never null then) is the run's start key, held in <c>start_keys</c> rather than
    /// in the forever-unique <c>runs.idempotency_key</c>; never <see cref="StartPolicyKind.ForeverUnique"/>.
    /// </summary>
    public StartPolicy? Policy { get; init; }

    /// <summary>The queue of the run's workflow (<see cref="QueueName.Default"/> unless the workflow names one).</summary>
    public string Queue { get; init; } = QueueName.Default;

    /// <summary>The run's priority (<see cref="StartOptions.Priority"/>): due runs are claimed highest first.</summary>
    public int Priority { get; init; }

    /// <summary>How long after its start, on the database's clock, the run fails if it has not ended; null for no deadline.</summary>
    public TimeSpan? Deadline { get; init; }
}
