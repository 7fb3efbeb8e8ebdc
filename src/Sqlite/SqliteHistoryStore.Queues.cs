using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The queues table on SQLite: the pause switch every claim reads, and the queue list. Every value is a bound parameter.</summary>
internal sealed partial class SqliteHistoryStore
{
    public async Task RegisterQueuesAsync(RegisterQueuesRequest request, CancellationToken cancellationToken) =>
        await WriteStatementAsync("Queues.RegisterQueues", c => c.Bind("@names", SqliteJson.Write(request.Names)), request.Now, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<QueueRow>> ListQueuesAsync(DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var at = await connection.NowAsync(null, now, cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Queues.ListQueues").Bind("@now", at);
        return await command.ReadAllAsync(HistoryResults.Queue, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SetQueuePausedAsync(SetQueuePausedRequest request, CancellationToken cancellationToken)
    {
        var found = await WriteStatementAsync(
            request.Paused ? "Queues.PauseQueue" : "Queues.ResumeQueue", c => c.Bind("@name", request.Name), request.Now, cancellationToken).ConfigureAwait(false) > 0;
        if (found && !request.Paused)
        {
            // This process's workers claim the queue's due runs at once; another process's find them at their next poll.
            wakeUps.WorkAvailable();
        }

        return found;
    }

    // One statement in its own write transaction, at the database's time; returns the rows it wrote.
    private async Task<int> WriteStatementAsync(string script, Func<Microsoft.Data.Sqlite.SqliteCommand, Microsoft.Data.Sqlite.SqliteCommand> bind, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            await using var command = bind(connection.Script(script, transaction)).Bind("@now", at);
            var written = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
    }
}
