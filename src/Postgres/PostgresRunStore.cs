using System.Data.Common;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>The PostgreSQL store: Dapper for the simple queries, typed Npgsql arrays for the batched hot path.</summary>
internal sealed partial class PostgresRunStore(NpgsqlDataSource dataSource, SqlScripts sql, SchemaMigrator migrator, WakeUpChannel channel) : IRunStore
{
    private readonly RecordedShapes _shapes = new();
    private readonly CancelTree _cancelTree = new(sql, channel);

    public Task MigrateAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    /// <summary>The backend's migrator, for tests that build a schema of an older release.</summary>
    internal SchemaMigrator Migrator => migrator;

    public async Task<StartedRun> StartRunAsync(NewRun run, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var caller = StoreTransaction.As<NpgsqlTransaction>(transaction, "PostgreSQL", nameof(transaction));
        return run.Policy is null
            ? await StartRunAsync(run, caller, cancellationToken).ConfigureAwait(false)
            : (await StartUnderPoliciesAsync([run], caller, cancellationToken).ConfigureAwait(false))[0];
    }

    private async Task<StartedRun> StartRunAsync(NewRun run, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await RecordShapesAsync([run], cancellationToken).ConfigureAwait(false);
        var connection = transaction?.Connection;
        var ownConnection = connection is null;
        connection ??= await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var parameters = new
            {
                id = run.Id,
                workflow = run.Workflow,
                input = run.InputJson,
                idempotency_key = run.IdempotencyKey,
                parent_run_id = run.ParentRunId,
                now = run.Now,
                run_at = run.RunAt,
                delay_seconds = run.Delay.TotalSeconds,
                step_name = run.FirstStepName,
                trace_parent = run.Trace.Parent,
                trace_state = run.Trace.State,
                shape = run.Shape?.Fingerprint,
            };
            var inserted = await connection.QuerySingleOrDefaultAsync<Guid?>(
                new CommandDefinition(sql.StartRun, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (inserted is { } id)
            {
                // Inside the caller's transaction the notification is delivered when it commits, not before.
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return new StartedRun(id, Created: true);
            }

            // The key was used: ON CONFLICT waited for the other start to commit, so a new statement sees its row.
            var existing = await connection.QuerySingleAsync<Guid>(new CommandDefinition(
                sql.FindRunByIdempotencyKey,
                new { workflow = run.Workflow, idempotency_key = run.IdempotencyKey },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            return new StartedRun(existing, Created: false);
        }
        finally
        {
            if (ownConnection)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Once per process and shape, before the first start with it, on a connection of its own: inside a caller's
    // transaction the new row's key would hold up every other process's first start until that transaction ends;
    // and a shape recorded for a start that was rolled back is harmless.
    private async Task RecordShapesAsync(IReadOnlyList<NewRun> runs, CancellationToken cancellationToken)
    {
        var missing = _shapes.Missing(runs);
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (workflow, shape) in missing)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                sql.RecordRunShape, new { workflow, shape = shape.Fingerprint, steps = shape.Steps.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        _shapes.Add(missing);
    }

    public async Task<IReadOnlyList<string>?> GetShapeAsync(string workflow, long shape, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql.GetRunShape, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string>("workflow", workflow),
                new NpgsqlParameter<long>("shape", shape),
            },
        };
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string[];
    }

    public async Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<RunRow>(
            new CommandDefinition(sql.GetRun, new { id = runId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRunInfo();
    }

    public async Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<RunRow>(
            new CommandDefinition(sql.GetRuns, new { ids = runIds.ToArray() }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRunInfo()).ToList();
    }

    public async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);

        // The claim must walk runs_due in order and stop at @limit, whatever the statistics say: right after many
        // runs became due (a bulk start) they still say that few are pending, and PostgreSQL would then read and sort
        // every due run on each claim instead. Bitmap scans and sorts are turned off for the batch's own implicit
        // transaction only (set_config's is_local), which ends with the claim: no BEGIN/COMMIT that an error could leave open.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)"));
        var claim = new NpgsqlBatchCommand(sql.ClaimRuns)
        {
            Parameters =
            {
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value },
                new NpgsqlParameter<string[]>("known_workflows", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = request.Steps.Workflows },
                new NpgsqlParameter<int[]>("known_step_indexes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = request.Steps.StepIndexes },
                new NpgsqlParameter<string[]>("known_step_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = request.Steps.StepNames },
                new NpgsqlParameter<int>("limit", request.Limit),
                new NpgsqlParameter<string>("owner", request.Owner),
                new NpgsqlParameter<double>("lease_seconds", request.LeaseDuration.TotalSeconds),
            },
        };
        batch.BatchCommands.Add(claim);

        // Hot path: prepared once per physical connection, because planning the claim cost about as much as running it.
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<ClaimedRun>(request.Limit);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false); // past set_config's row, to the claim's
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(ReadClaimed(reader));
        }

        return claimed;
    }

    // The columns in the order of ClaimRuns.sql's RETURNING.
    private static ClaimedRun ReadClaimed(NpgsqlDataReader row)
    {
        var awaited = row.IsDBNull(9) ? null : row.GetString(9);
        return new ClaimedRun(
            row.GetGuid(0), row.GetString(1), row.GetInt32(2), row.GetInt32(3), row.GetGuid(4), NullableGuid(row, 5), NullableString(row, 7), NullableString(row, 8), row.GetInt32(6))
        {
            AwaitedRuns = awaited is null ? null : System.Text.Json.JsonSerializer.Deserialize<Guid[]>(awaited),
            Trace = new RunTraceContext(NullableString(row, 10), NullableString(row, 11)),
            QueueWait = TimeSpan.FromSeconds(Math.Max(0, row.GetDouble(12))),
            Shape = row.IsDBNull(13) ? null : row.GetInt64(13),
        };
    }

    private static Guid? NullableGuid(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetGuid(ordinal);

    private static string? NullableString(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public async Task<IReadOnlySet<Guid>> CompleteAsync(IReadOnlyList<StepCompletion> completions, string worker, DateTimeOffset? now, bool notify, CancellationToken cancellationToken)
    {
        var waits = BatchWaits.Of(completions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // A run that fails for good takes its unended descendants with it, in the same commit; other batches are one
        // implicit transaction.
        await using var transaction = waits.Failing.Length > 0 ? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (waits.Locks.Length > 0)
        {
            // The runs, the parents they may wake and the children of the runs that park are locked before the
            // completion takes its snapshot.
            batch.BatchCommands.Add(WaitCommands.Lock(sql, waits.Locks, waits.Failing));
        }

        var complete = new NpgsqlBatchCommand(sql.CompleteSteps);
        AddCompletionParameters(complete.Parameters, completions, worker, now);
        batch.BatchCommands.Add(complete);
        if (waits.Parked.Length > 0 || waits.Ended.Length > 0)
        {
            batch.BatchCommands.Add(WaitCommands.Wake(sql, waits.Parked, waits.Ended, waits.Parents, now));
        }

        if (notify)
        {
            // The notification goes out with the commit.
            var wake = new NpgsqlBatchCommand("SELECT pg_notify($1, '')");
            wake.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel.Name });
            batch.BatchCommands.Add(wake);
        }

        var committed = new HashSet<Guid>();
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (waits.Locks.Length > 0)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                committed.Add(completions[(int)reader.GetInt64(0) - 1].CompletionId);
            }
        }

        if (transaction is not null)
        {
            foreach (var failed in completions.Where(c => c.NextStatus == RunStatus.Failed && committed.Contains(c.CompletionId)))
            {
                var reason = ChildCancellation.AncestorFailed(failed.Run.RunId);
                await _cancelTree.CancelAsync(connection, transaction, failed.Run.RunId, reason, reason, now, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return committed;
    }

    public async Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(IReadOnlyCollection<HeldRun> runs, TimeSpan leaseDuration, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var renewed = await connection.QueryAsync<(Guid Id, Guid LeaseToken)>(new CommandDefinition(
            sql.RenewLeases,
            new
            {
                run_ids = runs.Select(r => r.RunId).ToArray(),
                lease_tokens = runs.Select(r => r.LeaseToken).ToArray(),
                lease_seconds = leaseDuration.TotalSeconds,
                now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return renewed.Select(r => new HeldRun(r.Id, r.LeaseToken)).ToHashSet();
    }

    public async Task<int> RescueExpiredLeasesAsync(DateTimeOffset? now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rescued = await connection.QueryAsync<Guid>(new CommandDefinition(
            sql.RescueExpiredLeases, new { now, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var count = rescued.Count();
        if (count > 0)
        {
            await NotifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    public async Task<int> ReleaseAsync(IReadOnlyCollection<ReleasedRun> runs, string worker, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var released = (await connection.QueryAsync<Guid>(new CommandDefinition(
            sql.ReleaseRuns,
            new
            {
                run_ids = runs.Select(r => r.Run.RunId).ToArray(),
                lease_tokens = runs.Select(r => r.Run.LeaseToken).ToArray(),
                started = runs.Select(r => r.AttemptStarted).ToArray(),
                worker,
                now,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false)).Count();
        if (released > 0)
        {
            await NotifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return released;
    }

    public async Task<bool> FailRunAsync(HeldRun run, string error, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var parent = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT parent_run_id FROM " + sql.QuotedSchema + ".runs WHERE id = @id", new { id = run.RunId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        Guid[] parents = parent is { } p ? [p] : [];

        // A child that fails here may end its parent's wait, and the run's unended descendants are cancelled with
        // it, in the same commit, as a completion does.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(WaitCommands.Lock(sql, [run.RunId, .. parents], [run.RunId]));
        var fail = new NpgsqlBatchCommand(sql.FailRun);
        fail.Parameters.Add(new NpgsqlParameter<Guid>("id", run.RunId));
        fail.Parameters.Add(new NpgsqlParameter<Guid>("lease_token", run.LeaseToken));
        fail.Parameters.Add(new NpgsqlParameter<string>("error", error));
        fail.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)now ?? DBNull.Value });
        batch.BatchCommands.Add(fail);
        batch.BatchCommands.Add(WaitCommands.Wake(sql, [], [run.RunId], parents, now));
        var wake = new NpgsqlBatchCommand("SELECT pg_notify($1, '')");
        wake.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel.Name });
        batch.BatchCommands.Add(wake);
        bool failed;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            failed = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (failed)
        {
            var reason = ChildCancellation.AncestorFailed(run.RunId);
            await _cancelTree.CancelAsync(connection, transaction, run.RunId, reason, reason, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return failed;
    }

    public async Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(KnownSteps known, DateTimeOffset? now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(Guid Id, string Workflow, int StepIndex, string? StepName)>(new CommandDefinition(
            sql.ReportUnknownSteps,
            new
            {
                now,
                known_workflows = known.Workflows,
                known_step_indexes = known.StepIndexes,
                known_step_names = known.StepNames,
                limit,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new UnknownStepRun(r.Id, r.Workflow, r.StepIndex, r.StepName)).ToList();
    }

    // Data exceptions (class 22: U+0000 in text, bad JSON), integrity violations (class 23) and program limits the
    // data exceeds (class 54: a jsonb array past 256 MB, JSON nested past the stack) fail the same way however often
    // the batch is written; so does text that has no UTF-8 form.
    public bool RefusesData(Exception error) =>
        error is PostgresException { SqlState: ['2', '2' or '3', ..] or ['5', '4', ..] } or System.Text.EncoderFallbackException
        || (error is NpgsqlException { InnerException: { } inner } && RefusesData(inner));

    // query_canceled: statement_timeout ended the statement (the runtime's connections give Npgsql's own command
    // timeout a margin beyond it, so that the server, not a silent network, is what reports a slow statement).
    public bool TimedOut(Exception error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
        || (error is NpgsqlException { InnerException: { } inner } && TimedOut(inner));

    private Task<int> NotifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, '')", new { channel = channel.Name }, cancellationToken: cancellationToken));

    internal static void AddCompletionParameters(NpgsqlParameterCollection p, IReadOnlyList<StepCompletion> c, string worker, DateTimeOffset? now)
    {
        p.Add(Array("completion_ids", c, x => x.CompletionId, NpgsqlDbType.Uuid));
        p.Add(Array("run_ids", c, x => x.Run.RunId, NpgsqlDbType.Uuid));
        p.Add(Array("lease_tokens", c, x => x.Run.LeaseToken, NpgsqlDbType.Uuid));
        p.Add(Array("step_indexes", c, x => x.StepIndex, NpgsqlDbType.Integer));
        p.Add(Array("step_names", c, x => x.StepName, NpgsqlDbType.Text));
        p.Add(Array("attempts", c, x => x.Attempt, NpgsqlDbType.Integer));
        p.Add(Array("executions", c, x => x.Execution, NpgsqlDbType.Integer));
        p.Add(Array("outcomes", c, x => OutcomeText(x.Outcome), NpgsqlDbType.Text));
        p.Add(Array("outputs", c, x => x.Output, NpgsqlDbType.Text));
        p.Add(Array("next_statuses", c, x => RunStatusText.Of(x.NextStatus), NpgsqlDbType.Text));
        p.Add(Array("next_step_names", c, x => x.NextStepName, NpgsqlDbType.Text));
        p.Add(Array("retry_delays", c, x => x.RetryDelay, NpgsqlDbType.Interval));
        p.Add(Array("run_errors", c, x => x.RunError, NpgsqlDbType.Text));
        p.Add(Array("durations", c, x => x.Duration.TotalMilliseconds, NpgsqlDbType.Double));
        p.Add(Array("error_types", c, x => x.ErrorType, NpgsqlDbType.Text));
        p.Add(Array("error_messages", c, x => x.ErrorMessage, NpgsqlDbType.Text));
        p.Add(Array("error_stacks", c, x => x.ErrorStack, NpgsqlDbType.Text));
        p.Add(Array("logs", c, x => x.Logs, NpgsqlDbType.Text));
        p.Add(Array("awaited", c, x => x.AwaitedRuns is { } ids ? "{" + string.Join(",", ids) + "}" : null, NpgsqlDbType.Text));
        p.Add(new NpgsqlParameter<string>("worker", worker));
        p.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)now ?? DBNull.Value });
    }

    private static NpgsqlParameter<T[]> Array<T>(string name, IReadOnlyList<StepCompletion> completions, Func<StepCompletion, T> select, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { TypedValue = completions.Select(select).ToArray() };

    private static string OutcomeText(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.Succeeded => "succeeded",
        AttemptOutcome.Failed => "failed",
        AttemptOutcome.TimedOut => "timed_out",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
