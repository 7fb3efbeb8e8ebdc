namespace Inquir.Typed.Limits;

/// <summary>
/// One limit as this deployment enforces it: at most <see cref="Concurrency"/> runs holding it at once (0: no such
/// limit), at most <see cref="RateCount"/> starts per <see cref="RatePeriod"/> (0: none), per key when
/// <see cref="Keyed"/>.
/// </summary>
internal sealed record LimitDefinition(string Name, int Concurrency, int RateCount, TimeSpan RatePeriod, bool Keyed)
{
    public bool LimitsConcurrency => Concurrency > 0;

    public bool LimitsRate => RateCount > 0;
}
