// Transitions: start (docs/run-states.md#start), start with a used key (#start-with-a-used-key), succeed last (#succeed-last), fail (#fail), permanent fail (#permanent-fail), fail without an attempt (#fail-without-an-attempt), wait (#wait), wait for event (#wait-for-event), release (#release), rescue (#rescue).
using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// The SQLite store of the client and the worker. Every write is one short <c>BEGIN IMMEDIATE</c> transaction,
/// so that writers of all processes on the file take turns; its time is read once from SQLite's clock (or the
/// fake one a test passes) and every statement uses it.
/// </summary>
internal sealed partial class SqliteRunStore(SqliteDatabase database, SqliteMigrator migrator, SqliteWakeUps wakeUps) : IRunStore
{
    private readonly RecordedShapes _shapes = new();

    public Task MigrateAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public async Task<StartedRun> StartRunAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        var run = request.Run;
        var caller = StoreTransaction.As<SqliteTransaction>(request.Transaction, "SQLite");
        if (caller is not null)
        {
            // The run commits with the caller's writes; a worker of this process polls it up if the wake-up comes first.
            await RecordShapesAsync(caller.Connection!, caller, [run], cancellationToken).ConfigureAwait(false);
            var started = await StartRunAsync(caller.Connection!, caller, run, cancellationToken).ConfigureAwait(false);
            wakeUps.WorkAvailable();
            return started;
        }

        var (connection, own) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (own)
        {
            var recorded = await RecordShapesAsync(connection, own, [run], cancellationToken).ConfigureAwait(false);
            var started = await StartRunAsync(connection, own, run, cancellationToken).ConfigureAwait(false);
            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            _shapes.Add(recorded);
            if (started.Created)
            {
                wakeUps.WorkAvailable();
            }

            return started;
        }
    }

    public async Task<IReadOnlyList<string>?> GetShapeAsync(GetRunShapeRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("GetRunShape").Bind("@workflow", request.Workflow).Bind("@shape", request.Shape);
        return (await command.ReadAllAsync(RunResults.GetRunShape, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("GetRun").Bind("@id", runId);
        return (await command.ReadAllAsync(RunResults.Run, cancellationToken).ConfigureAwait(false)).SingleOrDefault()?.ToRunInfo();
    }

    public async Task<IReadOnlyList<RunInfo>> GetRunsAsync(IReadOnlyList<Guid> runIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Script("GetRuns").Bind("@ids", SqliteJson.Write(runIds.Select(id => id.ToString("D"))));
        return (await command.ReadAllAsync(RunResults.Run, cancellationToken).ConfigureAwait(false)).Select(r => r.ToRunInfo()).ToList();
    }

    public async Task<IReadOnlyList<ClaimedRun>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var now = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            var known = KnownJson(request.Steps);
            var queues = request.Queues is null ? null : SqliteJson.Write(request.Queues);
            var (admitted, gate) = request.Limits.IsEmpty
                ? (null, null)
                : await SqliteLimits.GateAsync(connection, transaction, request, now, known, queues, cancellationToken).ConfigureAwait(false);
            await using var claim = connection.Script("ClaimRuns", transaction)
                .Bind("@now", now)
                .Bind("@known", known)
                .Bind("@limit", request.Limit)
                .Bind("@queues", queues)
                .Bind("@owner", request.Owner)
                .Bind("@lease_ms", request.LeaseDuration)
                .Bind("@admitted", admitted);
            var claimed = await claim.ReadAllAsync(RunResults.ClaimRuns, cancellationToken).ConfigureAwait(false);
            var released = 0;
            if (gate is not null)
            {
                await SqliteLimits.CountAsync(connection, transaction, gate, claimed.Select(c => c.Id), now, cancellationToken).ConfigureAwait(false);
                released = await SqliteLimits.UnholdAsync(connection, transaction, request.Limits, now, cancellationToken).ConfigureAwait(false);
                claimed = claimed.Select(c => gate.Admitted.TryGetValue(c.Id, out var states) && states.Any(s => s.Definition.LimitsConcurrency) ? c with { HoldsSlots = true } : c).ToList();
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new ClaimedRuns(claimed, PassedOver: released > 0 || gate is { Held.Count: > 0 } || gate is { Delayed.Count: > 0 });
        }
    }

    public async Task<IReadOnlySet<Guid>> CompleteAsync(CompleteStepsRequest request, CancellationToken cancellationToken)
    {
        var (completions, notify) = (request.Completions, request.Notify);
        var committed = new HashSet<Guid>();
        var cancelled = new List<CancelledRun>();
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            foreach (var completion in completions)
            {
                if (await SqliteCompletion.WriteAsync(connection, transaction, completion, request.Worker, at, cancellationToken).ConfigureAwait(false))
                {
                    committed.Add(completion.CompletionId);
                }
            }

            // The waits this batch began or ended, and the unended descendants of the runs that failed for good, in
            // the same commit. Only committed outcomes count: a fenced one changed nothing.
            var written = completions.Where(c => committed.Contains(c.CompletionId)).ToList();
            var waits = BatchWaits.Of(written);
            notify |= await SqliteWaitingRuns.WakeAsync(connection, transaction, waits.Parked, waits.Ended, waits.Parents, at, cancellationToken).ConfigureAwait(false) > 0;
            notify |= await TakeEventsAsync(connection, transaction, waits.WaitingForEvents, at, cancellationToken).ConfigureAwait(false) > 0;
            foreach (var failed in waits.Failing)
            {
                var reason = ChildCancellation.AncestorFailed(failed);
                var (runs, woken) = await SqliteCancelTree.CancelAsync(connection, transaction, failed, reason, reason, at, cancellationToken).ConfigureAwait(false);
                cancelled.AddRange(runs);
                notify |= woken;
            }

            if (completions.Any(c => c.HoldsSlots && c.NextStatus != RunStatus.Running))
            {
                await SqliteLimits.SettleAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        wakeUps.Cancelled(cancelled);
        if (notify)
        {
            wakeUps.WorkAvailable();
        }

        return committed;
    }

    public async Task<IReadOnlySet<HeldRun>> RenewLeasesAsync(RenewLeasesRequest request, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var renew = connection.Script("RenewLeases", transaction)
                .Bind("@now", at)
                .Bind("@lease_ms", request.LeaseDuration)
                .Bind("@held", SqliteJson.Write(request.Runs.Select(r => new[] { r.RunId.ToString("D"), r.LeaseToken.ToString("D") })));
            var renewed = await renew.ReadAllAsync(RunResults.RenewLeases, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return renewed.ToHashSet();
        }
    }

    public async Task<int> RescueExpiredLeasesAsync(RescueExpiredLeasesRequest request, CancellationToken cancellationToken)
    {
        int rescued;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using (var record = connection.Script("RecordAbandonedAttempts", transaction).Bind("@now", at).Bind("@limit", request.Limit))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var rescue = connection.Script("RescueExpiredLeases", transaction).Bind("@now", at).Bind("@limit", request.Limit))
            {
                rescued = await rescue.CountAsync(cancellationToken).ConfigureAwait(false);
            }

            await SqliteLimits.SettleAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (rescued > 0)
        {
            wakeUps.WorkAvailable();
        }

        return rescued;
    }

    public async Task<int> ReleaseAsync(ReleaseRunsRequest request, CancellationToken cancellationToken)
    {
        var runs = request.Runs;
        if (runs.Count == 0)
        {
            return 0;
        }

        int released;
        var held = SqliteJson.Write(runs.Select(r => new object[] { r.Run.RunId.ToString("D"), r.Run.LeaseToken.ToString("D"), r.AttemptStarted }));
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using (var record = connection.Script("RecordInterruptedAttempts", transaction).Bind("@now", at).Bind("@held", held).Bind("@worker", request.Worker))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var release = connection.Script("ReleaseRuns", transaction).Bind("@now", at).Bind("@held", held))
            {
                released = await release.CountAsync(cancellationToken).ConfigureAwait(false);
            }

            await SqliteLimits.SettleAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (released > 0)
        {
            wakeUps.WorkAvailable();
        }

        return released;
    }

    public async Task<bool> FailRunAsync(FailRunRequest request, CancellationToken cancellationToken)
    {
        var run = request.Run;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var fail = connection.Script("FailRun", transaction)
                .Bind("@id", run.RunId).Bind("@lease_token", run.LeaseToken).Bind("@error", request.Error).Bind("@now", at);
            var failed = await fail.CountAsync(cancellationToken).ConfigureAwait(false) > 0;
            var woken = false;
            var cancelled = new List<CancelledRun>();
            if (failed)
            {
                // Its parent's wait may end here, and its unended descendants are cancelled with it, as a completion does.
                Guid[] parents = await SqliteWaitingRuns.ParentOfAsync(connection, transaction, run.RunId, cancellationToken).ConfigureAwait(false) is { } parent ? [parent] : [];
                woken = await SqliteWaitingRuns.WakeAsync(connection, transaction, [], [run.RunId], parents, at, cancellationToken).ConfigureAwait(false) > 0;
                var reason = ChildCancellation.AncestorFailed(run.RunId);
                (cancelled, var cancelWoke) = await SqliteCancelTree.CancelAsync(connection, transaction, run.RunId, reason, reason, at, cancellationToken).ConfigureAwait(false);
                woken |= cancelWoke;
            }

            await SqliteLimits.SettleAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            wakeUps.Cancelled(cancelled);
            if (woken)
            {
                wakeUps.WorkAvailable();
            }

            return failed;
        }
    }

    public async Task<IReadOnlyList<UnknownStepRun>> ReportUnknownStepsAsync(ReportUnknownStepsRequest request, CancellationToken cancellationToken)
    {
        var known = request.Known;
        var (connection, transaction) = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var at = await connection.NowAsync(transaction, request.Now, cancellationToken).ConfigureAwait(false);
            await using var report = connection.Script("ReportUnknownSteps", transaction)
                .Bind("@now", at)
                .Bind("@known", KnownJson(known))
                .Bind("@workflows", SqliteJson.Write(known.Workflows.Distinct(StringComparer.Ordinal)))
                .Bind("@limit", request.Limit);
            var marked = await report.ReadAllAsync(RunResults.ReportUnknownSteps, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return marked;
        }
    }

    // A constraint (19: a CHECK such as json_valid), a value past SQLite's length limit (18: SQLITE_TOOBIG) and
    // malformed JSON given to json() (error 1; JSON nested past its depth limit too) fail the same way however often
    // the batch is written; a busy or locked file (5, 6) or a full disk (13) does not.
    public bool RefusesData(Exception error) =>
        error is SqliteException { SqliteErrorCode: 18 or 19 }
        || (error is SqliteException { SqliteErrorCode: 1 } e && e.Message.Contains("malformed JSON", StringComparison.Ordinal));

    // SQLite has no statement time limit: a write waits for the file's lock (busy_timeout) and then fails as busy.
    public bool TimedOut(Exception error) => false;

    private static async Task<StartedRun> StartRunAsync(SqliteConnection connection, SqliteTransaction transaction, NewRun run, CancellationToken cancellationToken)
    {
        var now = await connection.NowAsync(transaction, run.Now, cancellationToken).ConfigureAwait(false);
        if (run.Policy is not null)
        {
            return await StartUnderPolicyAsync(connection, transaction, run, now, cancellationToken).ConfigureAwait(false);
        }

        if (await InsertRunAsync(connection, transaction, run, now, startKey: null, cancellationToken).ConfigureAwait(false) is { } id)
        {
            return new StartedRun(id, Created: true);
        }

        // The key was used; with one writer at a time the run that holds it is committed and visible here.
        await using var find = connection.Script("FindRunByIdempotencyKey", transaction).Bind("@workflow", run.Workflow).Bind("@idempotency_key", run.IdempotencyKey);
        return new StartedRun((await find.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false)).Single(), Created: false);
    }

    // Inserts the run with its forever-unique key, or with its start key (and no forever-unique key) under a policy;
    // null when the forever-unique key was used before.
    private static async Task<Guid?> InsertRunAsync(SqliteConnection connection, SqliteTransaction transaction, NewRun run, long now, string? startKey, CancellationToken cancellationToken)
    {
        await using var insert = connection.Script("StartRun", transaction)
            .Bind("@id", run.Id)
            .Bind("@workflow", run.Workflow)
            .Bind("@input", run.Input)
            .Bind("@idempotency_key", startKey is null ? run.IdempotencyKey : null)
            .Bind("@start_key", startKey)
            .Bind("@parent_run_id", run.ParentRunId)
            .Bind("@now", now)
            .Bind("@run_at", run.RunAt)
            .Bind("@delay_ms", run.Delay)
            .Bind("@step_name", run.FirstStepName)
            .Bind("@trace_parent", run.Trace.Parent)
            .Bind("@trace_state", run.Trace.State)
            .Bind("@shape", run.Shape?.Fingerprint)
            .Bind("@limit_keys", run.LimitKeys)
            .Bind("@queue", run.Queue)
            .Bind("@priority", run.Priority)
            .Bind("@deadline_ms", run.Deadline);
        return (await insert.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false)).SingleOrDefault() is { } id && id != Guid.Empty ? id : null;
    }

    // The (workflow, step index, step name) triples as the JSON array of arrays the claim reads with json_each.
    private static string KnownJson(KnownSteps known) =>
        SqliteJson.Write(known.Workflows.Select((workflow, i) => new object[] { workflow, known.StepIndexes[i], known.StepNames[i] }));
}
