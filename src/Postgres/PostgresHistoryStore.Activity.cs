using Dapper;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The counts behind the dashboard's overview.</summary>
internal sealed partial class PostgresHistoryStore
{
    private readonly string _runActivity = sql.Load("RunActivity");

    public async Task<RunActivity> ActivityAsync(DateTimeOffset since, DateTimeOffset until, int bucketSeconds, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            _runActivity, new { since, until, bucket_seconds = bucketSeconds, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var counts = await results.ReadAsync<(string Workflow, string Status, long BucketStart, long Runs)>().ConfigureAwait(false);
        var backlog = await results.ReadSingleAsync<(long Due, double OldestWaitSeconds)>().ConfigureAwait(false);
        return ActivityAssembly.Activity(counts, backlog.Due, backlog.OldestWaitSeconds);
    }
}
