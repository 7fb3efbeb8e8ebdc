using Dapper;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The queues table on PostgreSQL: the pause switch every claim reads, and the queue list. Every value is a bound parameter.</summary>
internal sealed partial class PostgresHistoryStore
{
    private readonly string _registerQueues = sql.Load("Queues.RegisterQueues");
    private readonly string _listQueues = sql.Load("Queues.ListQueues");
    private readonly string _pauseQueue = sql.Load("Queues.PauseQueue");
    private readonly string _resumeQueue = sql.Load("Queues.ResumeQueue");

    public async Task RegisterQueuesAsync(IReadOnlyCollection<string> names, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(_registerQueues, new { names = names.ToArray(), now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueRow>> ListQueuesAsync(DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (await connection.QueryAsync<QueueRow>(new CommandDefinition(_listQueues, new { now }, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
    }

    public async Task<bool> SetQueuePausedAsync(string name, bool paused, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var found = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            paused ? _pauseQueue : _resumeQueue, new { name, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (found is not null && !paused)
        {
            // The queue's due runs wait for no poll: the workers are woken when the resume commits.
            await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found is not null;
    }
}
