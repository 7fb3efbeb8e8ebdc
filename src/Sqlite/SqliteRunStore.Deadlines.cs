// Transition: deadline (docs/run-states.md#deadline).
using Inquir.Typed.Storage;

namespace Inquir.Typed.Sqlite;

/// <summary>The deadline sweeper's write: the runs past their deadline fail in one write transaction, each with its tree.</summary>
internal sealed partial class SqliteRunStore
{
    public async Task<IReadOnlyList<PastDeadlineRun>> FailPastDeadlineAsync(FailPastDeadlineRequest request, CancellationToken cancellationToken)
    {
        var failed = new List<PastDeadlineRun>();
        var cancelled = new List<CancelledRun>();
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            List<PastDeadlineRow> due;
            await using (var find = connection.Script("FindPastDeadline", transaction).Bind("@now", at).Bind("@limit", request.Limit))
            {
                due = await find.ReadAllAsync(RunResults.FindPastDeadline, cancellationToken).ConfigureAwait(false);
            }

            foreach (var run in due)
            {
                var reason = DeadlineText.RunError(new DateTimeOffset(run.CreatedAt), new DateTimeOffset(run.DeadlineAt));
                CancelledRun? ended = null;
                await using (var fail = connection.Script("FailPastDeadline", transaction)
                    .Bind("@id", run.Id).Bind("@reason", reason).Bind("@error_type", DeadlineText.ErrorType).Bind("@now", at))
                await using (var reader = await fail.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if ((await reader.ReadAllAsync(RunResults.FailPastDeadline, cancellationToken).ConfigureAwait(false)).SingleOrDefault() is { } failure)
                    {
                        ended = new CancelledRun(run.Id, failure.Status, failure.LeaseToken, Cancelled: true, failure.Workflow);
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
                Guid[] parents = run.ParentRunId is { } parent ? [parent] : [];
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
