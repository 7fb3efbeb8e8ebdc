using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The counts behind the dashboard's overview.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task<RunActivity> ActivityAsync(DateTimeOffset since, DateTimeOffset until, int bucketSeconds, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("RunActivity")
            .Bind("@since", since).Bind("@until", until).Bind("@bucket_seconds", bucketSeconds).Bind("@now", at);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = await ReadAsync(reader, r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var backlog = (await ReadAsync(reader, r => (Due: r.GetInt64(0), Wait: r.GetDouble(1)), cancellationToken).ConfigureAwait(false)).Single();
        return ActivityAssembly.Activity(counts, backlog.Due, backlog.Wait);
    }
}
