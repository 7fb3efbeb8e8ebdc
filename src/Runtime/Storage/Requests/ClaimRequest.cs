using Inquir.Typed.Limits;

namespace Inquir.Typed.Storage;

/// <summary>
/// What a claim asks for: up to <see cref="Limit"/> due runs at known steps, each let through the deployment's
/// <see cref="Limits"/> (none by default).
/// </summary>
internal sealed record ClaimRequest(string Owner, KnownSteps Steps, int Limit, TimeSpan LeaseDuration, DateTimeOffset? Now)
{
    // How many more due runs than it may claim a limited claim reads: the runs it holds at a full limit leave the
    // due index's path at once, so that the runs of other keys behind a hot key's many are reached in few claims.
    private const int LimitedLookAhead = 100;

    /// <summary>The limits of this deployment; the claim takes its plain path when it has none.</summary>
    public LimitTable Limits { get; init; } = LimitTable.Empty;

    /// <summary>How many due runs the claim reads and locks to find the ones it takes.</summary>
    public int Scan => Limits.IsEmpty ? Limit : Limit + LimitedLookAhead;

    /// <summary>The queues the worker serves (<see cref="WorkerOptions.Queues"/>); <see langword="null"/> serves every queue.</summary>
    public IReadOnlyList<string>? Queues { get; init; }
}
