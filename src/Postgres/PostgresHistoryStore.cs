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

    public async Task<IReadOnlyList<RunRow>> SearchAsync(SearchRunsRequest request, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            since = request.Since,
            until = request.Until,
            workflow = request.Workflow,
            step = request.Step,
            status = request.Status is { } status ? RunStatusText.Of(status) : null,
            idempotency_key = request.IdempotencyKey,
            error_pattern = request.ErrorPattern,
            input_contains = request.InputContains,
            after_created_at = request.AfterCreatedAt,
            after_id = request.AfterId,
            limit = request.Limit,
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ReadAsync(new CommandDefinition(_search, parameters, cancellationToken: cancellationToken), RunResults.Run).ConfigureAwait(false);
    }

    public async Task<RunHistory?> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var results = await connection.ExecuteReaderAsync(new CommandDefinition(
            _getRunHistory, new { id = runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var run = (await results.ReadAllAsync(RunResults.Run, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (run is null)
        {
            return null;
        }

        var origin = (await NextAsync(results, HistoryResults.RunOrigin, cancellationToken).ConfigureAwait(false)).Single();
        var checkpoints = await NextAsync(results, HistoryResults.Checkpoint, cancellationToken).ConfigureAwait(false);
        var attempts = await NextAsync(results, HistoryResults.Attempt, cancellationToken).ConfigureAwait(false);
        var children = await NextAsync(results, RunResults.Run, cancellationToken).ConfigureAwait(false);
        var restarts = await NextAsync(results, RunResults.Run, cancellationToken).ConfigureAwait(false);

        return HistoryAssembly.RunHistory(run, origin, checkpoints, attempts, children, restarts);
    }

    public async Task<IReadOnlyList<ReplayRow>> ReplayAsync(ReplayRunsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ReadAsync(
            new CommandDefinition(_replayRuns, new { run_ids = request.RunIds.ToArray(), now = request.Now }, transaction, cancellationToken: cancellationToken),
            HistoryResults.Replay).ConfigureAwait(false);
        await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public async Task<Guid?> RestartAsync(RestartRunRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var created = await connection.ReadAsync(
            new CommandDefinition(_restartRun, new { id = request.RunId, new_id = request.NewRunId, now = request.Now }, transaction, cancellationToken: cancellationToken),
            RunResults.Ids).ConfigureAwait(false);
        await NotifyWorkersAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return created.Count > 0 ? created[0] : null;
    }

    public async Task<CancelResult?> CancelAsync(CancelRunRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CancelOnceAsync(request.RunId, request.Reason, request.Now, cancellationToken).ConfigureAwait(false);
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

    public async Task<int> DeleteFinishedAsync(DeleteFinishedRunsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            _deleteFinishedRuns,
            new { statuses = request.Statuses.Select(RunStatusText.Of).ToArray(), age = request.Age, limit = request.Limit, now = request.Now },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FailureGroup>> FailuresAsync(FailureSummaryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ReadAsync(
            new CommandDefinition(
                _failureSummary, new { since = request.Since, until = request.Until, workflow = request.Workflow, limit = request.Limit }, cancellationToken: cancellationToken),
            HistoryResults.Failure).ConfigureAwait(false);
        return rows.Select(HistoryAssembly.FailureGroup).ToList();
    }

    // The next result of a statement of many.
    private static async Task<List<T>> NextAsync<T>(System.Data.Common.DbDataReader results, ResultReader<T> read, CancellationToken cancellationToken)
    {
        await results.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return await results.ReadAllAsync(read, cancellationToken).ConfigureAwait(false);
    }

    private Task<int> NotifyWorkersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken));
}
