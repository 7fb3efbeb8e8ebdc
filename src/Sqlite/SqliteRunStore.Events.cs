// Transitions: wait for event (docs/run-states.md#wait-for-event), event arrives (#event-arrives), event timeout (#event-timeout).
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Events sent to runs, each in one write transaction (SQLite has one writer at a time, so nothing else moves the run
/// between the statements): the send, the event a woken wait took, the take of a kept event when a run parks, and
/// the timeout sweep.
/// </summary>
internal sealed partial class SqliteRunStore
{
    public async Task<EventSendResult> SendEventAsync(SendEventRequest request, CancellationToken cancellationToken)
    {
        EventSendResult result;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            result = await SendEventAsync(connection, transaction, request, at, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.Status == EventSendStatus.Delivered)
        {
            wakeUps.WorkAvailable();
        }

        return result;
    }

    private static async Task<EventSendResult> SendEventAsync(SqliteConnection connection, SqliteTransaction transaction, SendEventRequest send, long now, CancellationToken cancellationToken)
    {
        EventRun? found;
        await using (var find = connection.Script("Events.FindEventRun", transaction)
            .Bind("@run_id", send.RunId)
            .Bind("@workflow", send.Workflow)
            .Bind("@idempotency_key", send.IdempotencyKey)
            .Bind("@name", send.Name)
            .Bind("@event_id", send.EventId)
            .Bind("@now", now))
        {
            found = (await find.ReadAllAsync(EventStoreResults.FindEventRun, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        }

        if (found is null)
        {
            return new EventSendResult(EventSendStatus.RunNotFound, null, null, null);
        }

        EventSendResult Answer(EventSendStatus status) => new(status, found.Id, found.Workflow, found.Status);
        if (found.Known)
        {
            return Answer(EventSendStatus.Duplicate);
        }

        if (found.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled)
        {
            return Answer(EventSendStatus.RunEnded);
        }

        if (send.Workflow is { } workflow && workflow != found.Workflow)
        {
            return Answer(EventSendStatus.OtherWorkflow);
        }

        bool inserted;
        await using (var insert = connection.Script("Events.SendEvent", transaction)
            .Bind("@run_id", found.Id)
            .Bind("@name", send.Name)
            .Bind("@event_id", send.EventId)
            .Bind("@payload", send.PayloadJson)
            .Bind("@now", now)
            .Bind("@taken", found.Waits)
            .Bind("@step_index", found.StepIndex)
            .Bind("@execution", found.Execution))
        {
            inserted = await insert.CountAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        if (!inserted)
        {
            return Answer(EventSendStatus.Duplicate);
        }

        return found.Waits && await DeliverAsync(connection, transaction, [found.Id], now, cancellationToken).ConfigureAwait(false) > 0
            ? Answer(EventSendStatus.Delivered)
            : Answer(EventSendStatus.Kept);
    }

    /// <summary>Lets the runs that parked for events in this write transaction take an event kept for them; returns how many are due.</summary>
    private static async Task<int> TakeEventsAsync(SqliteConnection connection, SqliteTransaction transaction, Guid[] parked, long now, CancellationToken cancellationToken)
    {
        if (parked.Length == 0)
        {
            return 0;
        }

        List<Guid> took;
        await using (var take = connection.Script("Events.TakeEvents", transaction).Bind("@parked", SqliteWaitingRuns.IdsJson(parked)).Bind("@now", now))
        {
            took = await take.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false);
        }

        return took.Count == 0 ? 0 : await DeliverAsync(connection, transaction, took, now, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> DeliverAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<Guid> runIds, long now, CancellationToken cancellationToken)
    {
        await using var deliver = connection.Script("Events.DeliverEvents", transaction).Bind("@run_ids", SqliteWaitingRuns.IdsJson(runIds)).Bind("@now", now);
        return await deliver.CountAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<TakenEvent?> GetTakenEventAsync(GetTakenEventRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("Events.GetTakenEvent")
            .Bind("@run_id", request.RunId)
            .Bind("@name", request.Name)
            .Bind("@step_index", request.StepIndex)
            .Bind("@execution", request.Execution);
        return (await command.ReadAllAsync(EventStoreResults.TakenEvent, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<int> TimeOutEventWaitsAsync(TimeOutEventWaitsRequest request, CancellationToken cancellationToken)
    {
        int timedOut;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var sweep = connection.Script("Events.TimeOutEventWaits", transaction).Bind("@now", at).Bind("@limit", request.Limit);
            timedOut = await sweep.CountAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (timedOut > 0)
        {
            wakeUps.WorkAvailable();
        }

        return timedOut;
    }
}
