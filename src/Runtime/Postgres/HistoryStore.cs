using Dapper;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>The history queries and operator commands on PostgreSQL. Every value is a bound parameter.</summary>
internal sealed class HistoryStore(NpgsqlDataSource dataSource, SqlScripts sql, WakeUpChannel channel)
{
    private readonly string _search = sql.Load("SearchRuns");
    private readonly string _getRunHistory = sql.Load("GetRunHistory");
    private readonly string _replayRuns = sql.Load("ReplayRuns");
    private readonly string _restartRun = sql.Load("RestartRun");
    private readonly string _cancelRun = sql.Load("CancelRun");
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
        var checkpoints = (await results.ReadAsync<CheckpointRow>().ConfigureAwait(false)).ToDictionary(c => c.step_index);
        var attempts = (await results.ReadAsync<AttemptRow>().ConfigureAwait(false)).ToLookup(a => a.step_index);
        var children = await results.ReadAsync<RunRow>().ConfigureAwait(false);
        var restarts = await results.ReadAsync<RunRow>().ConfigureAwait(false);

        var steps = checkpoints.Keys.Union(attempts.Select(g => g.Key)).Order()
            .Select(index =>
            {
                var checkpoint = checkpoints.GetValueOrDefault(index);
                var stepAttempts = attempts[index].Select(ToAttempt).ToList();
                var name = checkpoint?.step_name ?? attempts[index].Last().step_name;
                return new StepHistory(index, name, checkpoint is null ? null : new StepCheckpoint(checkpoint.output, checkpoint.attempt, Utc(checkpoint.completed_at)), stepAttempts);
            })
            .ToList();

        return new RunHistory
        {
            Run = run.ToRunInfo(),
            Execution = origin.execution,
            RestartedFromRunId = origin.restarted_from,
            Steps = steps,
            Children = children.Select(c => c.ToRunInfo()).ToList(),
            Restarts = restarts.Select(r => r.ToRunInfo()).ToList(),
        };
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

    /// <summary>Inserts the restarted run; <see langword="null"/> when the original does not exist or has not finished.</summary>
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

    /// <summary>Cancels the run if it is pending or running; returns the status it had, or <see langword="null"/> when there is no such run.</summary>
    public async Task<string?> CancelAsync(Guid runId, string reason, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var previous = await connection.QuerySingleOrDefaultAsync<CancelRow>(new CommandDefinition(
            _cancelRun, new { id = runId, reason, now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (previous is { status: "running", lease_token: { } leaseToken })
        {
            // The worker running the step under that lease cancels its token on this; if the notification is lost,
            // its next lease renewal finds the lease gone and does the same.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_notify(@channel, @payload)",
                new { channel = channel.Name, payload = WakeUpChannel.CancelPayload(new HeldRun(runId, leaseToken)) },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        return previous?.status;
    }

    public async Task<int> DeleteFinishedAsync(string[] statuses, DateTimeOffset cutoff, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            _deleteFinishedRuns, new { statuses, cutoff, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FailureGroup>> FailuresAsync(DateTimeOffset since, DateTimeOffset until, string? workflow, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FailureRow>(new CommandDefinition(
            _failureSummary, new { since, until, workflow, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new FailureGroup
        {
            Workflow = r.workflow,
            Step = r.step_name,
            ErrorType = r.error_type,
            Failures = r.failures,
            Runs = r.runs,
            FirstSeen = Utc(r.first_seen),
            LastSeen = Utc(r.last_seen),
            LastMessage = r.last_message,
        }).ToList();
    }

    private Task<int> NotifyWorkersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken));

    private static StepAttempt ToAttempt(AttemptRow a)
    {
        var (logs, dropped) = AttemptLogJson.Read(a.logs);
        return new()
        {
            Execution = a.execution,
            Number = a.attempt,
            Worker = a.worker,
            StartedAt = Utc(a.started_at),
            Duration = TimeSpan.FromMilliseconds(a.duration_ms),
            Outcome = ParseOutcome(a.outcome),
            ErrorType = a.error_type,
            ErrorMessage = a.error_message,
            ErrorStack = a.error_stack,
            Logs = logs,
            DroppedLogLines = dropped,
        };
    }

    private static StepAttemptOutcome ParseOutcome(string outcome) => outcome switch
    {
        "succeeded" => StepAttemptOutcome.Succeeded,
        "failed" => StepAttemptOutcome.Failed,
        "timed_out" => StepAttemptOutcome.TimedOut,
        "abandoned" => StepAttemptOutcome.Abandoned,
        "interrupted" => StepAttemptOutcome.Interrupted,
        "superseded" => StepAttemptOutcome.Superseded,
        "cancelled" => StepAttemptOutcome.Cancelled,
        _ => throw new InvalidOperationException($"Unknown attempt outcome '{outcome}' in the database."),
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

#pragma warning disable SA1300, IDE1006 // column names
    private sealed record CancelRow(string status, Guid? lease_token);
#pragma warning restore SA1300, IDE1006
}

/// <summary>The bound parameters of SearchRuns.sql; a null filter matches every run.</summary>
#pragma warning disable IDE1006 // parameter names
internal sealed record SearchParameters(
    DateTimeOffset? since,
    DateTimeOffset? until,
    string? workflow,
    string? step,
    string? status,
    string? idempotency_key,
    string? error_pattern,
    string? input_contains,
    DateTimeOffset? after_created_at,
    Guid? after_id,
    int limit);
#pragma warning restore IDE1006
