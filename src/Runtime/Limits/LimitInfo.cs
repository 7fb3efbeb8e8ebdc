using System.Globalization;

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

    /// <summary>The rate as configuration writes it, such as <c>"100/1s"</c>; <see langword="null"/> for no rate limit.</summary>
    public string? Rate => RateCount > 0 ? RateCount.ToString(CultureInfo.InvariantCulture) + "/" + Period(RatePeriod) : null;

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

    // The period in its largest whole unit, so that "100/1s" and "5/1m" read back as they were written.
    private static string Period(TimeSpan period) =>
        period.TotalDays == Math.Floor(period.TotalDays) ? Whole(period.TotalDays, "d")
        : period.TotalHours == Math.Floor(period.TotalHours) ? Whole(period.TotalHours, "h")
        : period.TotalMinutes == Math.Floor(period.TotalMinutes) ? Whole(period.TotalMinutes, "m")
        : period.TotalSeconds == Math.Floor(period.TotalSeconds) ? Whole(period.TotalSeconds, "s")
        : Whole(Math.Round(period.TotalMilliseconds), "ms");

    private static string Whole(double value, string unit) => value.ToString("0", CultureInfo.InvariantCulture) + unit;
}
