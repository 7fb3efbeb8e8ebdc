namespace Inquir.Typed;

/// <summary>A limit: its definition, and its runs holding a slot and held waiting for one, over every key.</summary>
public sealed record LimitInfo
{
    /// <summary>The limit's name: a shared limit's, a workflow's, or <c>{workflow}.{step}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Whether a worker stored its definition when it started; false for a limit only counters name (defined by a
    /// deployment whose workers have not started since this version), whose concurrency and rate are then unknown (0).
    /// </summary>
    public required bool Defined { get; init; }

    /// <summary>How many runs may hold it at once (per key when <see cref="PerKey"/>); 0 for no concurrency limit.</summary>
    public required int Concurrency { get; init; }

    /// <summary>How many starts per <see cref="RatePeriod"/> (per key when <see cref="PerKey"/>); 0 for no rate limit.</summary>
    public required int RateCount { get; init; }

    /// <summary>The period of the rate; <see cref="TimeSpan.Zero"/> for no rate limit.</summary>
    public required TimeSpan RatePeriod { get; init; }

    /// <summary>Whether each key (a tenant, a customer) has a limit of its own.</summary>
    public required bool PerKey { get; init; }

    /// <summary>Runs holding a slot now, over every key.</summary>
    public required long Running { get; init; }

    /// <summary>Runs held waiting for a slot (<see cref="RunStatus.Held"/>), over every key.</summary>
    public required long Waiting { get; init; }

    /// <summary>The keys runs have counted under (each has a counter from a claim's first look at it on).</summary>
    public required long Keys { get; init; }

    /// <summary>The keys with runs running or waiting now.</summary>
    public required long BusyKeys { get; init; }

    /// <summary>The busiest keys, most runs running or waiting first, as many as asked; empty for a limit kept for all runs.</summary>
    public required IReadOnlyList<LimitKeyInfo> BusiestKeys { get; init; }
}
