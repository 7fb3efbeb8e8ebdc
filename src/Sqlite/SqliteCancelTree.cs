// Transitions: fail (docs/run-states.md#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), cancel tree (#cancel-tree), deadline (#deadline).
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Cancels a run and its unended descendants inside the caller's write transaction: an operator's cancel, or the
/// children of a run that failed for good (the run itself is then left as it ended); then ends the waits this ends.
/// </summary>
internal static class SqliteCancelTree
{
    /// <summary>The runs of the tree as they were (empty when the run does not exist), and whether a waiting run was made due.</summary>
    public static async Task<(List<CancelledRun> Runs, bool Woken)> CancelAsync(
        SqliteConnection connection, SqliteTransaction transaction, Guid runId, string reason, string childReason, long now, CancellationToken cancellationToken)
    {
        List<Guid> tree;
        await using (var find = connection.Script("AwaitedTree", transaction).Bind("@id", runId))
        {
            tree = await find.ReadAllAsync(HistoryResults.AwaitedTree, cancellationToken).ConfigureAwait(false);
        }

        List<CancelledRun> runs;
        await using (var command = connection.Script("CancelRun", transaction)
            .Bind("@id", runId)
            .Bind("@tree", SqliteWaitingRuns.IdsJson(tree))
            .Bind("@reason", reason)
            .Bind("@child_reason", childReason)
            .Bind("@now", now))
        {
            runs = await command.ReadAllAsync(HistoryResults.CancelRun, cancellationToken).ConfigureAwait(false);
        }

        Guid[] parents = await SqliteWaitingRuns.ParentOfAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false) is { } parent ? [parent] : [];
        var ended = runs.Where(r => r.Cancelled).Select(r => r.Id).ToList();
        var woken = await SqliteWaitingRuns.WakeAsync(connection, transaction, [], ended, parents, now, cancellationToken).ConfigureAwait(false) > 0;
        await SqliteLimits.SettleAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return (runs, woken);
    }
}

/// <summary>One run a cancel looked at: the status and lease token it had, whether it was cancelled, its workflow.</summary>
internal sealed record CancelledRun(Guid Id, RunStatus Status, Guid? LeaseToken, bool Cancelled, string Workflow);
