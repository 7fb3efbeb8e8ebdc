using Dapper;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The limit list on PostgreSQL: the definitions workers store when they start, and the counters the claims keep. Every value is a bound parameter.</summary>
internal sealed partial class PostgresHistoryStore
{
    private readonly string _registerLimits = sql.Load("Limits.RegisterLimits");
    private readonly string _listLimits = sql.Load("Limits.ListLimits");
    private readonly string _listBusiestKeys = sql.Load("Limits.ListBusiestKeys");

    public async Task RegisterLimitsAsync(RegisterLimitsRequest request, CancellationToken cancellationToken)
    {
        var limits = request.Limits;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _registerLimits,
            new
            {
                names = limits.Select(l => l.Name).ToArray(),
                concurrency = limits.Select(l => l.Concurrency).ToArray(),
                rate_counts = limits.Select(l => l.RateCount).ToArray(),
                rate_seconds = limits.Select(l => l.RatePeriod.TotalSeconds).ToArray(),
                per_key = limits.Select(l => l.Keyed).ToArray(),
                now = request.Now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<LimitList> ListLimitsAsync(ListLimitsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One snapshot for both reads: a key's counts add up to its limit's.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var limits = await connection.ReadAsync(new CommandDefinition(_listLimits, transaction: transaction, cancellationToken: cancellationToken), HistoryResults.Limit).ConfigureAwait(false);
        IReadOnlyList<LimitKeyRow> keys = request.TopKeys == 0
            ? []
            : await connection.ReadAsync(
                new CommandDefinition(_listBusiestKeys, new { top = request.TopKeys }, transaction, cancellationToken: cancellationToken), HistoryResults.LimitKey).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LimitList(limits, keys);
    }
}
