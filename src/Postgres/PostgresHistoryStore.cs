using Dapper;
using Npgsql;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The history queries and operator commands on PostgreSQL (schedules in the other part). Every value is a bound parameter.</summary>
internal sealed partial class PostgresHistoryStore(NpgsqlDataSource dataSource, SqlScripts sql, WakeUpChannel channel) : IHistoryStore
{
    private readonly string _search = sql.Load("SearchRuns");
    private readonly string _getRunHistory = sql.Load("GetRunHistory");
    private readonly string _replayRuns = sql.Load("ReplayRuns");
    private readonly string _restartRun = sql.Load("RestartRun");
    private readonly string _cancelRun = sql.Load("CancelRun");
    private readonly string _lockCancelTree = sql.Load("LockCancelTree");
    private readonly string _deleteFinishedRuns = sql.Load("DeleteFinishedRuns");
    private readonly string _failureSummary = sql.Load("FailureSummary");

    public async Task<IReadOnlyList<RunRow>> SearchAsync(SearchParameters search, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(_search, search, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    public async Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            _getRunHistory, new { id = runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var run = await results.ReadSingleOrDefaultAsync<RunRow>().ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var origin = await results.ReadSingleAsync<RunOriginRow>().ConfigureAwait(false);
        var checkpoints = await results.ReadAsync<CheckpointRow>().ConfigureAwait(false);
        var attempts = await results.ReadAsync<AttemptRow>().ConfigureAwait(false);
        var children = await results.ReadAsync<RunRow>().ConfigureAwait(false);
        var restarts = await results.ReadAsync<RunRow>().ConfigureAwait(false);

        return HistoryAssembly.RunHistory(run, origin, checkpoints, attempts, children, restarts);
    }

    public async Task<IReadOnlyList<ReplayRow>> ReplayAsync(IReadOnlyCollection<Guid> runIds, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<ReplayRow>(new CommandDefinition(
            _replayRuns, new { run_ids = runIds.ToArray(), now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public async Task<Guid?> RestartAsync(Guid runId, Guid newRunId, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var created = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            _restartRun, new { id = runId, new_id = newRunId, now }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<CancelResult?> CancelAsync(Guid runId, string reason, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var locked = (await connection.QueryAsync<(Guid Id, bool IsParent)>(new CommandDefinition(
            _lockCancelTree, new { id = runId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (!locked.Any(r => r.Id == runId && !r.IsParent))
        {
            return null;
        }

        var tree = locked.Where(r => !r.IsParent).Select(r => r.Id).ToArray();
        Guid? parent = locked.Where(r => r.IsParent).Select(r => (Guid?)r.Id).FirstOrDefault();
        var rows = (await connection.QueryAsync<CancelRow>(new CommandDefinition(
            _cancelRun,
            new { id = runId, tree, parent, reason, child_reason = ChildCancellation.Reason(runId), now },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        foreach (var row in rows.Where(r => r is { cancelled: true, status: "running", lease_token: not null }))
        {
            // The worker running the step under that lease cancels its token on this (sent at commit); if the
            // notification is lost, its next lease renewal finds the lease gone and does the same.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_notify(@channel, @payload)",
                new { channel = channel.Name, payload = WakeUpChannel.CancelPayload(new HeldRun(row.id, row.lease_token!.Value)) },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        if (rows.Any(r => r.woke_parent))
        {
            await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CancelResult(rows.Single(r => r.id == runId).status, rows.Where(r => r.cancelled).Select(r => r.workflow).ToList());
    }

    public async Task<int> DeleteFinishedAsync(string[] statuses, TimeSpan age, int limit, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            _deleteFinishedRuns, new { statuses, age, limit, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FailureGroup>> FailuresAsync(DateTimeOffset since, DateTimeOffset until, string? workflow, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FailureRow>(new CommandDefinition(
            _failureSummary, new { since, until, workflow, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(HistoryAssembly.FailureGroup).ToList();
    }

    private Task<int> NotifyWorkersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken));

#pragma warning disable SA1300, IDE1006 // column names
    private sealed record CancelRow(Guid id, string workflow, string status, Guid? lease_token, bool cancelled, bool woke_parent);
#pragma warning restore SA1300, IDE1006
}
