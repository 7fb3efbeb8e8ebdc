using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The counts behind the dashboard's overview.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task<RunActivity> ActivityAsync(RunActivityRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, request.Now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("RunActivity")
            .Bind("@since", request.Since).Bind("@until", request.Until).Bind("@bucket_seconds", request.BucketSeconds).Bind("@now", at);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = await reader.ReadAllAsync(HistoryResults.RunCount, cancellationToken).ConfigureAwait(false);
        var backlog = (await NextAsync(reader, HistoryResults.ActivityBacklog, cancellationToken).ConfigureAwait(false)).Single();
        return ActivityAssembly.Activity(counts, backlog.Due, backlog.OldestWaitSeconds);
    }
}
