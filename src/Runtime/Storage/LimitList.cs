namespace Inquir.Typed.Storage;

/// <summary>The limits and, per limit, its busiest keys, busiest first.</summary>
internal sealed record LimitList(IReadOnlyList<LimitRow> Limits, IReadOnlyList<LimitKeyRow> BusiestKeys)
{
    public IReadOnlyList<LimitInfo> ToInfos()
    {
        var keys = BusiestKeys.ToLookup(k => k.Name, StringComparer.Ordinal);
        return Limits.Select(l => new LimitInfo
        {
            Name = l.Name,
            Defined = l.Defined,
            Concurrency = l.Concurrency,
            RateCount = l.RateCount,
            RatePeriod = TimeSpan.FromSeconds(l.RateSeconds),
            PerKey = l.PerKey,
            Running = l.Running,
            Waiting = l.Waiting,
            Keys = l.Keys,
            BusyKeys = l.BusyKeys,

            // A limit kept for all runs counts under one key, '': no key to name.
            BusiestKeys = l.Defined && !l.PerKey
                ? []
                : keys[l.Name].Select(k => new LimitKeyInfo { Key = k.Key, Running = k.Running, Waiting = k.Waiting }).ToList(),
        }).ToList();
    }
}
