using Dapper;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The counts behind the dashboard's overview.</summary>
internal sealed partial class PostgresHistoryStore
{
    private readonly string _runActivity = sql.Load("RunActivity");

    public async Task<RunActivity> ActivityAsync(RunActivityRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.ExecuteReaderAsync(new CommandDefinition(
            _runActivity,
            new { since = request.Since, until = request.Until, bucket_seconds = request.BucketSeconds, now = request.Now },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var counts = await results.ReadAllAsync(HistoryResults.RunCount, cancellationToken).ConfigureAwait(false);
        var backlog = (await NextAsync(results, HistoryResults.ActivityBacklog, cancellationToken).ConfigureAwait(false)).Single();
        return ActivityAssembly.Activity(counts, backlog.Due, backlog.OldestWaitSeconds);
    }
}
