using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The throughput and failures behind the dashboard's charts.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task<IReadOnlyList<ThroughputBucket>> ThroughputAsync(RunThroughputRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("RunThroughput")
            .Bind("@since", request.Since).Bind("@until", request.Until).Bind("@bucket_seconds", request.BucketSeconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var finished = await reader.ReadAllAsync(HistoryResults.FinishedCount, cancellationToken).ConfigureAwait(false);
        var failedAttempts = await NextAsync(reader, HistoryResults.FailedAttemptCount, cancellationToken).ConfigureAwait(false);
        return ThroughputAssembly.Buckets(request, finished, failedAttempts);
    }
}
