using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The limit list on SQLite: the definitions workers store when they start, and the counters the claims keep. Every value is a bound parameter.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task RegisterLimitsAsync(RegisterLimitsRequest request, CancellationToken cancellationToken)
    {
        var limits = SqliteJson.Write(request.Limits.Select(l => new Dictionary<string, object>
        {
            ["name"] = l.Name,
            ["concurrency"] = l.Concurrency,
            ["rate_count"] = l.RateCount,
            ["rate_seconds"] = l.RatePeriod.TotalSeconds,
            ["per_key"] = l.Keyed,
        }));
        await WriteStatementAsync("Limits.RegisterLimits", c => c.Bind("@limits", limits), request.Now, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LimitList> ListLimitsAsync(ListLimitsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for both reads: a key's counts add up to its limit's.
        await using var transaction = connection.BeginTransaction(deferred: true);
        IReadOnlyList<LimitRow> limits;
        await using (var command = connection.Script("Limits.ListLimits", transaction))
        {
            limits = await command.ReadAllAsync(HistoryResults.Limit, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<LimitKeyRow> keys = [];
        if (request.TopKeys > 0)
        {
            await using var command = connection.Script("Limits.ListBusiestKeys", transaction).Bind("@top", request.TopKeys);
            keys = await command.ReadAllAsync(HistoryResults.LimitKey, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LimitList(limits, keys);
    }
}
