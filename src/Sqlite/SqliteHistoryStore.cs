using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>The history queries and operator commands on SQLite (schedules in the other part). Every value is a bound parameter.</summary>
internal sealed partial class SqliteHistoryStore(SqliteDatabase database, SqliteWakeUps wakeUps) : IHistoryStore
{
    public async Task<IReadOnlyList<RunRow>> SearchAsync(SearchRunsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("SearchRuns")
            .Bind("@since", request.Since)
            .Bind("@until", request.Until)
            .Bind("@workflow", request.Workflow)
            .Bind("@step", request.Step)
            .Bind("@status", request.Status is { } status ? RunStatusText.Of(status) : null)
            .Bind("@idempotency_key", request.IdempotencyKey)
            .Bind("@error_pattern", request.ErrorPattern)
            .Bind("@input_contains", request.InputContains)
            .Bind("@after_created_at", request.AfterCreatedAt)
            .Bind("@after_id", request.AfterId)
            .Bind("@limit", request.Limit);
        return await command.ReadAllAsync(RunResults.Run, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // A read transaction: every part of the history comes from one snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.Script("GetRunHistory", transaction).Bind("@id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var run = (await reader.ReadAllAsync(RunResults.Run, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (run is null)
        {
            return null;
        }

        var origin = (await NextAsync(reader, HistoryResults.RunOrigin, cancellationToken).ConfigureAwait(false)).Single();
        var checkpoints = await NextAsync(reader, HistoryResults.Checkpoint, cancellationToken).ConfigureAwait(false);
        var attempts = await NextAsync(reader, HistoryResults.Attempt, cancellationToken).ConfigureAwait(false);
        var children = await NextAsync(reader, RunResults.Run, cancellationToken).ConfigureAwait(false);
        var restarts = await NextAsync(reader, RunResults.Run, cancellationToken).ConfigureAwait(false);
        return HistoryAssembly.RunHistory(run, origin, checkpoints, attempts, children, restarts);
    }

    public async Task<IReadOnlyList<ReplayRow>> ReplayAsync(ReplayRunsRequest request, CancellationToken cancellationToken)
    {
        List<ReplayRow> rows;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("ReplayRuns", transaction)
                .Bind("@run_ids", SqliteJson.Write(request.RunIds.Select(id => id.ToString("D"))))
                .Bind("@now", at);
            rows = await command.ReadAllAsync(HistoryResults.Replay, cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.WorkAvailable();
        return rows;
    }

    public async Task<Guid?> RestartAsync(RestartRunRequest request, CancellationToken cancellationToken)
    {
        Guid? created;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("RestartRun", transaction).Bind("@id", request.RunId).Bind("@new_id", request.NewRunId).Bind("@now", at);
            var inserted = await command.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false);
            created = inserted.Count > 0 ? inserted[0] : null;
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.WorkAvailable();
        return created;
    }

    public async Task<CancelResult?> CancelAsync(CancelRunRequest request, CancellationToken cancellationToken)
    {
        var runId = request.RunId;
        List<CancelledRun> runs;
        bool woken;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            (runs, woken) = await SqliteCancelTree.CancelAsync(connection, transaction, runId, request.Reason, ChildCancellation.Reason(runId), at, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.Cancelled(runs);
        if (woken)
        {
            wakeUps.WorkAvailable();
        }

        return runs.Find(r => r.Id == runId) is { } run
            ? new CancelResult(run.Status, runs.Where(r => r.Cancelled).Select(r => r.Workflow).ToList())
            : null;
    }

    public async Task<int> DeleteFinishedAsync(DeleteFinishedRunsRequest request, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.Script("DeleteFinishedRuns", transaction)
                .Bind("@statuses", SqliteJson.Write(request.Statuses.Select(RunStatusText.Of)))
                .Bind("@age", request.Age)
                .Bind("@limit", request.Limit)
                .Bind("@now", request.Now);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }

    public async Task<IReadOnlyList<FailureGroup>> FailuresAsync(FailureSummaryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("FailureSummary")
            .Bind("@since", request.Since).Bind("@until", request.Until).Bind("@workflow", request.Workflow).Bind("@limit", request.Limit);
        return (await command.ReadAllAsync(HistoryResults.Failure, cancellationToken).ConfigureAwait(false)).Select(HistoryAssembly.FailureGroup).ToList();
    }

    // The next result of a statement of many.
    private static async Task<List<T>> NextAsync<T>(SqliteDataReader results, ResultReader<T> read, CancellationToken cancellationToken)
    {
        await results.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return await results.ReadAllAsync(read, cancellationToken).ConfigureAwait(false);
    }
}
