using Npgsql;
using NpgsqlTypes;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>Events sent to runs: the send (after a lock on the run), the event a woken wait took, and the timeout sweep.</summary>
internal sealed partial class PostgresRunStore
{
    public async Task<EventSendResult> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // One implicit transaction: the lock, then the send in a snapshot taken after it.
        await using var batch = new NpgsqlBatch(connection);
        var lockRun = new NpgsqlBatchCommand(sql.Load("Events.LockEventRun"));
        AddTarget(lockRun.Parameters, request);
        batch.BatchCommands.Add(lockRun);
        var send = new NpgsqlBatchCommand(sql.Load("Events.SendEvent"));
        AddTarget(send.Parameters, request);
        send.Parameters.Add(new NpgsqlParameter<string>("name", request.Name));
        send.Parameters.Add(new NpgsqlParameter<string>("event_id", request.EventId));
        send.Parameters.Add(new NpgsqlParameter<string>("payload", request.PayloadJson));
        send.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value });
        batch.BatchCommands.Add(send);

        EventSendResult result;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            result = (await reader.ReadAllAsync(EventStoreResults.SendEvent, cancellationToken).ConfigureAwait(false)).SingleOrDefault()
                ?? new EventSendResult(EventSendStatus.RunNotFound, null, null, null);
        }

        // A delivered event made its run due now: the workers hear of it after the commit, from the notifier that
        // starts share, not from a NOTIFY in this transaction. A committing transaction that notifies holds
        // PostgreSQL's database-wide notification lock through its WAL flush, so sends that each notified committed
        // one after another (about 120 a second here) instead of sharing flushes.
        if (result.Status == EventSendStatus.Delivered)
        {
            _notifier.Request();
        }

        return result;
    }

    public async Task<TakenEvent?> GetTakenEventAsync(GetTakenEventRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql.Load("Events.GetTakenEvent"), connection)
        {
            Parameters =
            {
                new NpgsqlParameter<Guid>("run_id", request.RunId),
                new NpgsqlParameter<string>("name", request.Name),
                new NpgsqlParameter<int>("step_index", request.StepIndex),
                new NpgsqlParameter<int>("execution", request.Execution),
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return (await reader.ReadAllAsync(EventStoreResults.TakenEvent, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<int> TimeOutEventWaitsAsync(TimeOutEventWaitsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql.Load("Events.TimeOutEventWaits"), connection)
        {
            Parameters =
            {
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value },
                new NpgsqlParameter<int>("limit", request.Limit),
            },
        };
        int timedOut;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            timedOut = await reader.CountAsync(cancellationToken).ConfigureAwait(false);
        }

        if (timedOut > 0)
        {
            await NotifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return timedOut;
    }

    private static void AddTarget(NpgsqlParameterCollection parameters, SendEventRequest request)
    {
        parameters.Add(new NpgsqlParameter("run_id", NpgsqlDbType.Uuid) { Value = (object?)request.RunId ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("workflow", NpgsqlDbType.Text) { Value = (object?)request.Workflow ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter("idempotency_key", NpgsqlDbType.Text) { Value = (object?)request.IdempotencyKey ?? DBNull.Value });
    }
}
