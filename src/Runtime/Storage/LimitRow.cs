namespace Inquir.Typed.Storage;

/// <summary>
/// A limit as the store reads it (<c>Limits/ListLimits.sql</c>): its stored definition (<paramref name="Defined"/>
/// false when only counters name it), and its counters summed over its keys.
/// </summary>
internal sealed record LimitRow(
    string Name,
    bool Defined,
    int Concurrency,
    int RateCount,
    double RateSeconds,
    bool PerKey,
    long Running,
    long Waiting,
    long Keys,
    long BusyKeys);
