using Dapper;
using Npgsql;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Cancels a run and its unended descendants inside the caller's transaction: an operator's cancel, or the children
/// of a run that failed for good (the run itself is then left as it ended). The tree is taken with every run of it
/// locked: <c>LockCancelTree</c> reads it and locks it, and is run again until it finds nothing it had not locked,
/// so that a commit the locks waited for (a run of the tree parking, or starting a child) is part of it.
/// </summary>
internal sealed class CancelTree(SqlScripts sql, WakeUpChannel channel)
{
    private readonly string _lockCancelTree = sql.Load("LockCancelTree");
    private readonly string _cancelRun = sql.Load("CancelRun");

    /// <summary>The runs of the tree as they were, and whether a waiting run was made due; null when <paramref name="runId"/> does not exist.</summary>
    public async Task<CancelledTree?> CancelAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, string reason, string childReason, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var locked = new HashSet<Guid>();
        List<(Guid Id, bool IsParent)> tree;
        bool grew;
        do
        {
            tree = await connection.ReadAsync(
                new CommandDefinition(_lockCancelTree, new { id = runId }, transaction, cancellationToken: cancellationToken), HistoryResults.LockCancelTree).ConfigureAwait(false);
            grew = false;
            foreach (var run in tree)
            {
                grew |= locked.Add(run.Id);
            }
        }
        while (grew);

        if (!tree.Any(r => r.Id == runId && !r.IsParent))
        {
            return null;
        }

        var ids = tree.Where(r => !r.IsParent).Select(r => r.Id).ToArray();
        var parents = tree.Where(r => r.IsParent).Select(r => r.Id).ToArray();
        var rows = await connection.ReadAsync(
            new CommandDefinition(_cancelRun, new { id = runId, tree = ids, reason, child_reason = childReason, now }, transaction, cancellationToken: cancellationToken),
            HistoryResults.CancelRun).ConfigureAwait(false);

        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(WaitCommands.Wake(sql, [], rows.Where(r => r.Cancelled).Select(r => r.Id).ToArray(), parents, now));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.SettleLimits));
        var woken = false;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            woken = await reader.CountAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        foreach (var row in rows.Where(r => r is { Cancelled: true, Status: RunStatus.Running, LeaseToken: not null }))
        {
            // The worker running the step under that lease cancels its token on this (sent at commit); if the
            // notification is lost, its next lease renewal finds the lease gone and does the same.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_notify(@channel, @payload)",
                new { channel = channel.Name, payload = WakeUpChannel.CancelPayload(new HeldRun(row.Id, row.LeaseToken!.Value)) },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (woken)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return new CancelledTree(rows);
    }
}

/// <summary>The runs a cancel looked at: each with its workflow, the status and lease token it had, and whether it was cancelled.</summary>
internal sealed record CancelledTree(IReadOnlyList<CancelledTree.Run> Runs)
{
    /// <summary>One run of the tree.</summary>
    public sealed record Run(Guid Id, string Workflow, RunStatus Status, Guid? LeaseToken, bool Cancelled);
}
