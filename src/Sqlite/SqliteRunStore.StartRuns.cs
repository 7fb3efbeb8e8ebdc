// Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key).
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Many starts in one write transaction. SQLite runs in this process, so a statement per row costs no round trip;
/// what a batch saves is the commit (and its sync) per run.
/// </summary>
internal sealed partial class SqliteRunStore
{
    public async Task<IReadOnlyList<StartedRun>> StartRunsAsync(StartRunsRequest request, CancellationToken cancellationToken)
    {
        var runs = request.Runs;
        var caller = StoreTransaction.As<SqliteTransaction>(request.Transaction, "SQLite");
        if (runs.Count == 0)
        {
            return [];
        }

        if (caller is not null)
        {
            await RecordShapesAsync(caller.Connection!, caller, runs, cancellationToken).ConfigureAwait(false);
            var inCaller = await StartEachAsync(caller.Connection!, caller, runs, cancellationToken).ConfigureAwait(false);
            WakeIfDue(runs, inCaller);
            return inCaller;
        }

        var (connection, own) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (own)
        {
            var recorded = await RecordShapesAsync(connection, own, runs, cancellationToken).ConfigureAwait(false);
            var started = await StartEachAsync(connection, own, runs, cancellationToken).ConfigureAwait(false);
            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            _shapes.Add(recorded);
            WakeIfDue(runs, started);
            return started;
        }
    }

    // In the start's own write transaction: another connection would wait for the write lock that a caller's open
    // transaction holds. A shape written in a caller's transaction is not remembered (the caller may roll it back),
    // so it is written again, at the cost of one statement, until a start of this process commits it on its own.
    private async Task<IReadOnlyList<(string Workflow, RunShape Shape)>> RecordShapesAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<NewRun> runs, CancellationToken cancellationToken)
    {
        var missing = _shapes.Missing(runs);
        foreach (var (workflow, shape) in missing)
        {
            var now = await connection.NowAsync(transaction, runs[0].Now, cancellationToken).ConfigureAwait(false);
            await using var record = connection.Script("RecordRunShape", transaction)
                .Bind("@workflow", workflow)
                .Bind("@shape", shape.Fingerprint)
                .Bind("@steps", SqliteJson.Write(shape.Steps))
                .Bind("@now", now);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return missing;
    }

    private static async Task<StartedRun[]> StartEachAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<NewRun> runs, CancellationToken cancellationToken)
    {
        // A later row with the key of an earlier one finds that row: it is visible inside the same transaction.
        var started = new StartedRun[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            started[i] = await StartRunAsync(connection, transaction, runs[i], cancellationToken).ConfigureAwait(false);
        }

        return started;
    }

    // Runs that are not due yet are found by the worker's poll; waking it now would find nothing to claim.
    private void WakeIfDue(IReadOnlyList<NewRun> runs, StartedRun[] started)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            if (started[i].Created && runs[i].Delay <= TimeSpan.Zero && (runs[i].RunAt is not { } at || at <= (runs[i].Now ?? DateTimeOffset.UtcNow)))
            {
                wakeUps.WorkAvailable();
                return;
            }
        }
    }
}
