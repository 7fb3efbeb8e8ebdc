namespace Inquir.Typed;

/// <summary>A queue: whether it is paused, and its unended runs by status.</summary>
public sealed record QueueInfo
{
    /// <summary>The queue's name.</summary>
    public required string Name { get; init; }

    /// <summary>Whether an operator paused it: no worker claims its runs.</summary>
    public required bool Paused { get; init; }

    /// <summary>When it was paused; <see langword="null"/> while it is not.</summary>
    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Pending runs that are due: claimed as soon as a worker serving the queue has a free slot (unless paused).</summary>
    public required long Due { get; init; }

    /// <summary>Pending runs due later (delayed starts, retries backing off, runs waiting for a rate's token).</summary>
    public required long Scheduled { get; init; }

    /// <summary>Pending runs held by a full concurrency limit (<see cref="RunStatus.Held"/>): due again when a slot frees.</summary>
    public long Held { get; init; }

    /// <summary>Runs a worker holds now.</summary>
    public required long Running { get; init; }

    /// <summary>Runs parked until the child runs they await have ended.</summary>
    public required long Waiting { get; init; }

    /// <summary>How long the oldest due run has waited to be claimed; <see langword="null"/> when none is due.</summary>
    public TimeSpan? OldestDueAge { get; init; }
}
