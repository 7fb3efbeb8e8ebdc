using Dapper;
using Npgsql;
using NpgsqlTypes;
using Inquir.Typed.Limits;
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

    public async Task<StartedRun> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        var (run, caller) = (request.Run, StoreTransaction.As<NpgsqlTransaction>(request.Transaction, "PostgreSQL"));
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
                input = new Utf8TextParameter(run.Input),
                idempotency_key = run.IdempotencyKey,
                parent_run_id = run.ParentRunId,
                now = run.Now,
                run_at = run.RunAt,
                delay_seconds = run.Delay.TotalSeconds,
                step_name = run.FirstStepName,
                trace_parent = run.Trace.Parent,
                trace_state = run.Trace.State,
                shape = run.Shape?.Fingerprint,
                limit_keys = run.LimitKeys,
                queue = run.Queue,
                priority = run.Priority,
                deadline_seconds = run.Deadline?.TotalSeconds,
            };
            var inserted = await connection.ReadAsync(
                new CommandDefinition(sql.StartRun, parameters, transaction, cancellationToken: cancellationToken), RunResults.Ids).ConfigureAwait(false);
            if (inserted.Count > 0)
            {
                // Inside the caller's transaction the notification is delivered when it commits, not before.
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                return new StartedRun(inserted[0], Created: true);
            }

            // The key was used: ON CONFLICT waited for the other start to commit, so a new statement sees its row.
            var existing = await connection.ReadAsync(
                new CommandDefinition(
                    sql.FindRunByIdempotencyKey,
                    new { workflow = run.Workflow, idempotency_key = run.IdempotencyKey },
                    transaction,
                    cancellationToken: cancellationToken),
                RunResults.Ids).ConfigureAwait(false);
            return new StartedRun(existing.Single(), Created: false);
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

    public async Task<IReadOnlyList<string>?> GetShapeAsync(GetRunShapeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql.GetRunShape, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string>("workflow", request.Workflow),
                new NpgsqlParameter<long>("shape", request.Shape),
            },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return (await reader.ReadAllAsync(RunResults.GetRunShape, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ReadAsync(new CommandDefinition(sql.GetRun, new { id = runId }, cancellationToken: cancellationToken), RunResults.Run).ConfigureAwait(false);
        return rows.SingleOrDefault()?.ToRunInfo();
    }

    public async Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ReadAsync(
            new CommandDefinition(sql.GetRuns, new { ids = runIds.ToArray() }, cancellationToken: cancellationToken), RunResults.Run).ConfigureAwait(false);
        return rows.Select(r => r.ToRunInfo()).ToList();
    }

    public async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = ClaimBatch(connection, request);

        // Hot path: prepared once per physical connection, because planning the claim cost about as much as running it.
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false); // past set_config's row, to the claim's
        var claimed = await reader.ReadAllAsync(RunResults.ClaimRuns, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var unheld = (await reader.ReadAllAsync(RunResults.UnholdRuns, cancellationToken).ConfigureAwait(false)).Single();
        return new ClaimedRuns(claimed, PassedOver: unheld.Released > 0 || unheld.PassedOver);
    }

    /// <summary>The claim's three statements: its planner settings, the claim, and the unhold that answers it.</summary>
    internal NpgsqlBatch ClaimBatch(NpgsqlConnection connection, ClaimRequest request)
    {
        var batch = new NpgsqlBatch(connection);

        // The claim must walk each band of runs_due_by_band in order and stop at @limit, whatever the statistics say:
        // right after many runs became due (a bulk start) they still say that few are pending, and PostgreSQL would
        // then read and sort every due run on each claim instead. Bitmap scans and sorts are turned off for the
        // batch's own implicit transaction only (set_config's is_local), which ends with the claim: no BEGIN/COMMIT
        // that an error could leave open. A disabled node is priced far above jit_above_cost, so JIT is turned off
        // too: the limit gate's bounded sorts and the sort of the few runs the claim ranks across bands made
        // PostgreSQL compile every claim, seconds each, long enough to outlast a short lease.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true), set_config('jit', 'off', true)"));
        var claim = new NpgsqlBatchCommand(sql.ClaimRuns)
        {
            Parameters =
            {
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value },
                new NpgsqlParameter<string[]>("known_workflows", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = request.Steps.Workflows },
                new NpgsqlParameter<int[]>("known_step_indexes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = request.Steps.StepIndexes },
                new NpgsqlParameter<string[]>("known_step_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = request.Steps.StepNames },
                new NpgsqlParameter<int>("limit", request.Scan),
                new NpgsqlParameter<int>("take", request.Limit),
                new NpgsqlParameter("queues", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (object?)request.Queues?.ToArray() ?? DBNull.Value },
                new NpgsqlParameter<string>("owner", request.Owner),
                new NpgsqlParameter<double>("lease_seconds", request.LeaseDuration.TotalSeconds),
            },
        };
        AddGateParameters(claim.Parameters, request.Limits);
        batch.BatchCommands.Add(claim);
        var unhold = new NpgsqlBatchCommand(sql.UnholdRuns)
        {
            Parameters =
            {
                new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value },
                new NpgsqlParameter<string[]>("limit_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = request.Limits.Names },
                new NpgsqlParameter<int[]>("limit_concurrency", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = request.Limits.Concurrency },
            },
        };
        batch.BatchCommands.Add(unhold);
        return batch;
    }

    private static void AddGateParameters(NpgsqlParameterCollection p, LimitTable limits)
    {
        p.Add(new NpgsqlParameter<string[]>("gate_workflows", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = limits.GateWorkflows });
        p.Add(new NpgsqlParameter<int[]>("gate_step_indexes", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = limits.GateStepIndexes });
        p.Add(new NpgsqlParameter<string[]>("gate_limits", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = limits.GateLimits });
        p.Add(new NpgsqlParameter<string[]>("limit_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = limits.Names });
        p.Add(new NpgsqlParameter<int[]>("limit_concurrency", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = limits.Concurrency });
        p.Add(new NpgsqlParameter<int[]>("limit_rate_counts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = limits.RateCounts });
        p.Add(new NpgsqlParameter<double[]>("limit_rate_seconds", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = limits.RateSeconds });
        p.Add(new NpgsqlParameter<bool[]>("limit_keyed", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = limits.Keyed });
    }

    public async Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken)
    {
        var (completions, now) = (request.Completions, request.Now);
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
        AddCompletionParameters(complete.Parameters, completions, request.Worker, now);
        batch.BatchCommands.Add(complete);
        if (waits.Parked.Length > 0 || waits.Ended.Length > 0)
        {
            batch.BatchCommands.Add(WaitCommands.Wake(sql, waits.Parked, waits.Ended, waits.Parents, now));
        }

        if (completions.Any(c => c.HoldsSlots && c.NextStatus != RunStatus.Running))
        {
            // The slots come back in the same commit as the outcome that ends the hold.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.SettleLimits));
        }

        if (waits.WaitingForEvents.Length > 0)
        {
            // A run that parks for an event kept for it takes it and is due at once: workers are told.
            batch.BatchCommands.Add(EventCommands.Take(sql, waits.WaitingForEvents, now));
        }

        if (request.Notify || waits.WaitingForEvents.Length > 0)
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

            foreach (var position in await reader.ReadAllAsync(RunResults.CompleteSteps, cancellationToken).ConfigureAwait(false))
            {
                committed.Add(completions[(int)position - 1].CompletionId);
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

    public async Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var renewed = await connection.ReadAsync(
            new CommandDefinition(
                sql.RenewLeases,
                new
                {
                    run_ids = request.Runs.Select(r => r.RunId).ToArray(),
                    lease_tokens = request.Runs.Select(r => r.LeaseToken).ToArray(),
                    lease_seconds = request.LeaseDuration.TotalSeconds,
                    now = request.Now,
                },
                cancellationToken: cancellationToken),
            RunResults.RenewLeases).ConfigureAwait(false);
        return renewed.ToHashSet();
    }

    public async Task<int> RescueExpiredLeasesAsync(RescueExpiredLeasesRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // A dead worker's slots come back in the commit that rescues its runs.
        await using var batch = new NpgsqlBatch(connection);
        var rescue = new NpgsqlBatchCommand(sql.RescueExpiredLeases);
        rescue.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value });
        rescue.Parameters.Add(new NpgsqlParameter<int>("limit", request.Limit));
        batch.BatchCommands.Add(rescue);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.SettleLimits));
        int count;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            count = await reader.CountAsync(cancellationToken).ConfigureAwait(false);
        }

        if (count > 0)
        {
            await NotifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    public async Task<int> ReleaseAsync(ReleaseRunsRequest request, CancellationToken cancellationToken)
    {
        var runs = request.Runs;
        if (runs.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var release = new NpgsqlBatchCommand(sql.ReleaseRuns);
        release.Parameters.Add(new NpgsqlParameter<Guid[]>("run_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = runs.Select(r => r.Run.RunId).ToArray() });
        release.Parameters.Add(new NpgsqlParameter<Guid[]>("lease_tokens", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = runs.Select(r => r.Run.LeaseToken).ToArray() });
        release.Parameters.Add(new NpgsqlParameter<bool[]>("started", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = runs.Select(r => r.AttemptStarted).ToArray() });
        release.Parameters.Add(new NpgsqlParameter<string>("worker", request.Worker));
        release.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)request.Now ?? DBNull.Value });
        batch.BatchCommands.Add(release);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.SettleLimits));
        int released;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            released = await reader.CountAsync(cancellationToken).ConfigureAwait(false);
        }

        if (released > 0)
        {
            await NotifyAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return released;
    }

    public async Task<bool> FailRunAsync(FailRunRequest request, CancellationToken cancellationToken)
    {
        var (run, now) = (request.Run, request.Now);
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
        fail.Parameters.Add(new NpgsqlParameter<string>("error", request.Error));
        fail.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = (object?)now ?? DBNull.Value });
        batch.BatchCommands.Add(fail);
        batch.BatchCommands.Add(WaitCommands.Wake(sql, [], [run.RunId], parents, now));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql.SettleLimits));
        var wake = new NpgsqlBatchCommand("SELECT pg_notify($1, '')");
        wake.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel.Name });
        batch.BatchCommands.Add(wake);
        bool failed;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            failed = await reader.CountAsync(cancellationToken).ConfigureAwait(false) > 0;
        }

        if (failed)
        {
            var reason = ChildCancellation.AncestorFailed(run.RunId);
            await _cancelTree.CancelAsync(connection, transaction, run.RunId, reason, reason, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return failed;
    }

    public async Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(ReportUnknownStepsRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ReadAsync(
            new CommandDefinition(
                sql.ReportUnknownSteps,
                new
                {
                    now = request.Now,
                    known_workflows = request.Known.Workflows,
                    known_step_indexes = request.Known.StepIndexes,
                    known_step_names = request.Known.StepNames,
                    limit = request.Limit,
                },
                cancellationToken: cancellationToken),
            RunResults.ReportUnknownSteps).ConfigureAwait(false);
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

    private Task<int> NotifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_notify(@channel, '')", new { channel = channel.Name }, transaction, cancellationToken: cancellationToken));

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
        p.Add(Array("wake_ats", c, x => x.WakeAt?.UtcDateTime, NpgsqlDbType.TimestampTz));
        p.Add(Array("sleeps", c, x => SleepText.Of(x.Sleep), NpgsqlDbType.Text));
        p.Add(Array("awaited_events", c, x => x.AwaitedEvent, NpgsqlDbType.Text));
        p.Add(Array("event_timeouts", c, x => x.EventTimeout, NpgsqlDbType.Interval));
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
        AttemptOutcome.Snoozed => "snoozed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
