using System.Text.Json;
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;
using static Inquir.Typed.Sqlite.SqliteValues;

namespace Inquir.Typed.Sqlite;

/// <summary>The history queries and operator commands on SQLite (schedules in the other part). Every value is a bound parameter.</summary>
internal sealed partial class SqliteHistoryStore(SqliteDatabase database, SqliteWakeUps wakeUps) : IHistoryStore
{
    public async Task<IReadOnlyList<RunRow>> SearchAsync(SearchParameters search, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("SearchRuns")
            .Bind("@since", search.since)
            .Bind("@until", search.until)
            .Bind("@workflow", search.workflow)
            .Bind("@step", search.step)
            .Bind("@status", search.status)
            .Bind("@idempotency_key", search.idempotency_key)
            .Bind("@error_pattern", search.error_pattern)
            .Bind("@input_contains", search.input_contains)
            .Bind("@after_created_at", search.after_created_at)
            .Bind("@after_id", search.after_id)
            .Bind("@limit", search.limit);
        return await command.ReadAllAsync(SqliteRows.Run, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

        // A read transaction: every part of the history comes from one snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.Script("GetRunHistory", transaction).Bind("@id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var run = (await ReadAsync(reader, SqliteRows.Run, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (run is null)
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var origin = (await ReadAsync(reader, r => new RunOriginRow(r.GetInt32(0), NullableId(r, 1)), cancellationToken).ConfigureAwait(false)).Single();
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = await ReadAsync(reader, SqliteRows.Checkpoint, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var attempts = await ReadAsync(reader, SqliteRows.Attempt, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var children = await ReadAsync(reader, SqliteRows.Run, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var restarts = await ReadAsync(reader, SqliteRows.Run, cancellationToken).ConfigureAwait(false);
        return HistoryAssembly.RunHistory(run, origin, checkpoints, attempts, children, restarts);
    }

    public async Task<IReadOnlyList<ReplayRow>> ReplayAsync(IReadOnlyCollection<Guid> runIds, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        List<ReplayRow> rows;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("ReplayRuns", transaction)
                .Bind("@run_ids", JsonSerializer.Serialize(runIds.Select(id => id.ToString("D"))))
                .Bind("@now", at);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                rows = await ReadAsync(reader, r => new ReplayRow(Id(r, 0), r.GetString(1), r.GetInt64(2) != 0), cancellationToken).ConfigureAwait(false);
                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.WorkAvailable();
        return rows;
    }

    public async Task<Guid?> RestartAsync(Guid runId, Guid newRunId, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        Guid? created;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            await using var command = connection.Script("RestartRun", transaction).Bind("@id", runId).Bind("@new_id", newRunId).Bind("@now", at);
            created = (await command.ReadAllAsync(r => (Guid?)Id(r, 0), cancellationToken).ConfigureAwait(false)).SingleOrDefault();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.WorkAvailable();
        return created;
    }

    public async Task<CancelResult?> CancelAsync(Guid runId, string reason, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        List<CancelledRun> runs;
        bool woken;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, now, cancellationToken).ConfigureAwait(false);
            (runs, woken) = await SqliteCancelTree.CancelAsync(connection, transaction, runId, reason, ChildCancellation.Reason(runId), at, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.Cancelled(runs);
        if (woken)
        {
            wakeUps.WorkAvailable();
        }

        return runs.Where(r => r.Id == runId).Select(r => r.Status).FirstOrDefault() is { } previous
            ? new CancelResult(previous, runs.Where(r => r.Cancelled).Select(r => r.Workflow).ToList())
            : null;
    }

    public async Task<int> DeleteFinishedAsync(string[] statuses, TimeSpan age, int limit, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var command = connection.Script("DeleteFinishedRuns", transaction)
                .Bind("@statuses", JsonSerializer.Serialize(statuses)).Bind("@age", age).Bind("@limit", limit).Bind("@now", now);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }

    public async Task<IReadOnlyList<FailureGroup>> FailuresAsync(DateTimeOffset since, DateTimeOffset until, string? workflow, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("FailureSummary").Bind("@since", since).Bind("@until", until).Bind("@workflow", workflow).Bind("@limit", limit);
        return (await command.ReadAllAsync(SqliteRows.Failure, cancellationToken).ConfigureAwait(false)).Select(HistoryAssembly.FailureGroup).ToList();
    }

    private static async Task<List<T>> ReadAsync<T>(SqliteDataReader reader, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
