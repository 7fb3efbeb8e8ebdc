using Dapper;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The throughput and failures behind the dashboard's charts.</summary>
internal sealed partial class PostgresHistoryStore
{
    private readonly string _runThroughput = sql.Load("RunThroughput");

    public async Task<IReadOnlyList<ThroughputBucket>> ThroughputAsync(RunThroughputRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.ExecuteReaderAsync(new CommandDefinition(
            _runThroughput,
            new { since = request.Since, until = request.Until, bucket_seconds = request.BucketSeconds },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var finished = await results.ReadAllAsync(HistoryResults.FinishedCount, cancellationToken).ConfigureAwait(false);
        var failedAttempts = await NextAsync(results, HistoryResults.FailedAttemptCount, cancellationToken).ConfigureAwait(false);
        return ThroughputAssembly.Buckets(request, finished, failedAttempts);
    }
}
