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
    private readonly CancelTree _cancelTree = new(sql, channel);
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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CancelOnceAsync(runId, reason, now, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                // A tree locked while one of its children ends (which locks the child, then the parent it wakes)
                // can meet that end the other way round; PostgreSQL gives one of them up, and the cancel starts over.
            }
        }
    }

    private async Task<CancelResult?> CancelOnceAsync(Guid runId, string reason, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tree = await _cancelTree.CancelAsync(connection, transaction, runId, reason, ChildCancellation.Reason(runId), now, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CancelResult(tree.Runs.Single(r => r.Id == runId).Status, tree.Runs.Where(r => r.Cancelled).Select(r => r.Workflow).ToList());
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
}
