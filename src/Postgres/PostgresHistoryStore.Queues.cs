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

    public async Task RegisterQueuesAsync(RegisterQueuesRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            _registerQueues, new { names = request.Names.ToArray(), now = request.Now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueRow>> ListQueuesAsync(DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ReadAsync(new CommandDefinition(_listQueues, new { now }, cancellationToken: cancellationToken), HistoryResults.Queue).ConfigureAwait(false);
    }

    public async Task<bool> SetQueuePausedAsync(SetQueuePausedRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var found = (await connection.ReadAsync(
            new CommandDefinition(request.Paused ? _pauseQueue : _resumeQueue, new { name = request.Name, now = request.Now }, transaction, cancellationToken: cancellationToken),
            HistoryResults.QueueFound).ConfigureAwait(false)).Count > 0;
        if (found && !request.Paused)
        {
            // The queue's due runs wait for no poll: the workers are woken when the resume commits.
            await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return found;
    }
}
