using System.Data.Common;

namespace Inquir.Typed;

/// <summary>How a run is started.</summary>
public sealed class StartOptions
{
    /// <summary>The longest idempotency key accepted.</summary>
    public const int MaxIdempotencyKeyLength = 512;

    /// <summary>The lowest <see cref="Priority"/>.</summary>
    public const int MinPriority = RunPriority.Min;

    /// <summary>The highest <see cref="Priority"/>.</summary>
    public const int MaxPriority = RunPriority.Max;

    private readonly int _priority;

    /// <summary>
    /// A key that makes the start happen once: a later start of the same workflow with the same key returns the run
    /// made by the first. When <see langword="null"/>, the input member marked <see cref="IdempotencyKeyAttribute"/> supplies it.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>When the first step may start; <see langword="null"/> for now. Not together with <see cref="Delay"/>.</summary>
    public DateTimeOffset? RunAt { get; init; }

    /// <summary>How long to wait before the first step starts. Not together with <see cref="RunAt"/>.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>
    /// How long the run may take from this start, on the database's clock; overrides the workflow's
    /// <see cref="WorkflowAttribute.Deadline"/>. When it passes, the running step's token fires, unended children are
    /// cancelled, and the run fails with a <see cref="DeadlineExceededException"/>. <see langword="null"/> for the
    /// workflow's own (or none).
    /// </summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>
    /// An open transaction of the caller's: the run is inserted in it, so it exists only if the caller's own
    /// writes commit, and workers are woken when it commits. It must belong to the database the store uses: an
    /// <c>NpgsqlTransaction</c> with PostgreSQL, a <c>SqliteTransaction</c> with SQLite.
    /// </summary>
    public DbTransaction? Transaction { get; init; }

    /// <summary>
    /// The key of the run's keyed limits (a tenant, a customer): it takes the place of the input member a
    /// <see cref="LimitAttribute.Key"/> names, and is the key of shared limits defined per key. <see langword="null"/>
    /// takes the keys from the input.
    /// </summary>
    public string? LimitKey { get; init; }

    /// <summary>The run this one is a child of; set by <see cref="StepContext.Workflows"/>.</summary>
    public Guid? ParentRunId { get; init; }

    /// <summary>
    /// What this start does when a run already holds its idempotency key (see <see cref="StartPolicy"/>); it needs a
    /// key, from <see cref="IdempotencyKey"/> or the input's <see cref="IdempotencyKeyAttribute"/> member. When
    /// <see langword="null"/>, the workflow's <see cref="StartPolicyAttribute"/> decides, else
    /// <see cref="StartPolicy.ForeverUnique"/>.
    /// </summary>
    public StartPolicy? Policy { get; init; }

    /// <summary>
    /// The run's priority, from <see cref="MinPriority"/> (-100) to <see cref="MaxPriority"/> (100); default 0. Due
    /// runs are claimed highest priority first, and runs of the same priority oldest due first. The run keeps it
    /// through retries, replays and restarts. A priority does not pre-empt: a running step is never interrupted.
    /// </summary>
    /// <example>
    /// <code>
    /// await client.StartExportDataAsync(request, new StartOptions { Priority = 10 });   // before the backlog of priority 0
    /// </code>
    /// </example>
    /// <exception cref="ArgumentOutOfRangeException">The value is below <see cref="MinPriority"/> or above <see cref="MaxPriority"/>.</exception>
    public int Priority
    {
        get => _priority;
        init
        {
            if (!RunPriority.IsValid(value))
            {
                throw new ArgumentOutOfRangeException(nameof(Priority), value, $"Priority must be between {MinPriority} and {MaxPriority}.");
            }

            _priority = value;
        }
    }
}
