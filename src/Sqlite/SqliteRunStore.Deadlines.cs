// Transition: deadline (docs/run-states.md#deadline).
using Inquir.Typed.Storage;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The deadline sweeper's write: the runs past their deadline fail in one write transaction, each with its tree.</summary>
internal sealed partial class SqliteRunStore
{
    public async Task<IReadOnlyList<PastDeadlineRun>> FailPastDeadlineAsync(DateTimeOffset? now, int limit, CancellationToken cancellationToken)
    {
        var failed = new List<PastDeadlineRun>();
        var cancelled = new List<CancelledRun>();
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            List<(Guid Id, Guid? Parent, DateTime CreatedAt, DateTime DeadlineAt)> due;
            await using (var find = connection.Script("FindPastDeadline", transaction).Bind("@now", at).Bind("@limit", limit))
            {
                due = await find.ReadAllAsync(r => (Id(r, 0), NullableId(r, 1), Time(r, 2), Time(r, 3)), cancellationToken).ConfigureAwait(false);
            }

            foreach (var run in due)
            {
                var reason = DeadlineText.RunError(new DateTimeOffset(run.CreatedAt), new DateTimeOffset(run.DeadlineAt));
                CancelledRun? ended = null;
                await using (var fail = connection.Script("FailPastDeadline", transaction)
                    .Bind("@id", run.Id).Bind("@reason", reason).Bind("@error_type", DeadlineText.ErrorType).Bind("@now", at))
                await using (var reader = await fail.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        ended = new CancelledRun(run.Id, reader.GetString(1), NullableId(reader, 2), Cancelled: true, reader.GetString(0));
                    }

                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                    {
                    }
                }

                if (ended is null)
                {
                    continue;
                }

                // As a failure without an attempt: its parent's wait may end, and its unended descendants are cancelled.
                Guid[] parents = run.Parent is { } parent ? [parent] : [];
                await SqliteWaitingRuns.WakeAsync(connection, transaction, [], [run.Id], parents, at, cancellationToken).ConfigureAwait(false);
                var childReason = ChildCancellation.AncestorFailed(run.Id);
                var (descendants, _) = await SqliteCancelTree.CancelAsync(connection, transaction, run.Id, childReason, childReason, at, cancellationToken).ConfigureAwait(false);
                cancelled.Add(ended);
                cancelled.AddRange(descendants);
                failed.Add(new PastDeadlineRun(run.Id, ended.Workflow));
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The workers of this process running a failed run or a cancelled descendant cancel their steps' tokens.
        wakeUps.Cancelled(cancelled);
        if (failed.Count > 0)
        {
            wakeUps.WorkAvailable();
        }

        return failed;
    }
}
