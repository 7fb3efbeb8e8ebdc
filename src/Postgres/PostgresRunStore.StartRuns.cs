using Npgsql;
using NpgsqlTypes;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>Many starts in one round trip: one multi-row insert, one lookup of the keys already used, at most one NOTIFY.</summary>
internal sealed partial class PostgresRunStore
{
    // The gap paces real commits on the database, so it is kept on the real clock: a host on a test clock that never
    // moves would otherwise never send the second wake-up.
    private readonly WakeUpNotifier _notifier = new(() => NotifyOutsideTransactionAsync(dataSource, channel), WakeUpNotifier.DefaultMinimumGap, TimeProvider.System);

    public Task<IReadOnlyList<StartedRun>> StartRunsAsync(StartRunsRequest request, CancellationToken cancellationToken)
    {
        var caller = StoreTransaction.As<NpgsqlTransaction>(request.Transaction, "PostgreSQL");
        return request.Runs.Any(r => r.Policy is not null)
            ? StartUnderPoliciesAsync(request.Runs, caller, cancellationToken)
            : StartRunsAsync(request.Runs, caller, cancellationToken);
    }

    private async Task<IReadOnlyList<StartedRun>> StartRunsAsync(IReadOnlyList<NewRun> runs, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
        {
            return [];
        }

        await RecordShapesAsync(runs, cancellationToken).ConfigureAwait(false);
        var connection = transaction?.Connection;
        var ownConnection = connection is null;
        connection ??= await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Without a transaction of the caller's the batch is one implicit transaction: all rows commit together,
            // and the notification goes out with the commit; inside the caller's it is delivered when that commits.
            await using var batch = new NpgsqlBatch(connection, transaction);
            var insert = new NpgsqlBatchCommand(sql.StartRuns);
            AddStartParameters(insert.Parameters, runs);
            batch.BatchCommands.Add(insert);
            var keyed = runs.Any(r => r.IdempotencyKey is not null);
            if (keyed)
            {
                var find = new NpgsqlBatchCommand(sql.FindRunsByIdempotencyKeys);
                find.Parameters.Add(Array("workflows", runs, r => r.Workflow, NpgsqlDbType.Text));
                find.Parameters.Add(Array("idempotency_keys", runs, r => r.IdempotencyKey, NpgsqlDbType.Text));
                batch.BatchCommands.Add(find);
            }

            // Runs that are not due yet are found by the workers' poll; waking them now would find nothing to claim.
            // Inside the caller's transaction the notification must wait for its commit. Otherwise it goes out after
            // the insert's commit, in a transaction of its own and off the caller's path: a committing transaction
            // that notifies holds PostgreSQL's database-wide notification lock through its WAL flush, so inserts that
            // notified in their own transaction would commit one after another instead of sharing flushes.
            var dueNow = runs.Any(DueNow);
            if (dueNow && transaction is not null)
            {
                batch.BatchCommands.Add(Wake(channel));
            }

            var inserted = new HashSet<Guid>();
            var holders = new Dictionary<long, Guid>();

            // Hot path: prepared once per physical connection (Npgsql keeps it across pool reuses), because planning
            // these statements cost PostgreSQL about as much as running them.
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.UnionWith(await reader.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false));
                if (keyed && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    foreach (var (ord, id) in await reader.ReadAllAsync(RunResults.RunsByPosition, cancellationToken).ConfigureAwait(false))
                    {
                        holders[ord] = id;
                    }
                }
            }

            if (dueNow && transaction is null && inserted.Count > 0)
            {
                _notifier.Request();
            }

            var started = new StartedRun[runs.Count];
            for (var i = 0; i < runs.Count; i++)
            {
                started[i] = inserted.Contains(runs[i].Id)
                    ? new StartedRun(runs[i].Id, Created: true)
                    : new StartedRun(holders[i + 1], Created: false);
            }

            return started;
        }
        finally
        {
            if (ownConnection)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task NotifyOutsideTransactionAsync(NpgsqlDataSource dataSource, WakeUpChannel channel)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using var notify = new NpgsqlBatch(connection) { BatchCommands = { Wake(channel) } };
            await notify.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            // The runs are committed; workers that miss this wake-up find them at their next poll.
        }
    }

    private static NpgsqlBatchCommand Wake(WakeUpChannel channel)
    {
        var wake = new NpgsqlBatchCommand("SELECT pg_notify($1, '')");
        wake.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel.Name });
        return wake;
    }

    private static bool DueNow(NewRun run) =>
        run.Delay <= TimeSpan.Zero && (run.RunAt is not { } at || at <= (run.Now ?? DateTimeOffset.UtcNow));

    private static void AddStartParameters(NpgsqlParameterCollection p, IReadOnlyList<NewRun> runs)
    {
        p.Add(Array("ids", runs, r => r.Id, NpgsqlDbType.Uuid));
        p.Add(Array("workflows", runs, r => r.Workflow, NpgsqlDbType.Text));
        p.Add(Array("inputs", runs, r => r.Input, NpgsqlDbType.Text));
        p.Add(Array("idempotency_keys", runs, r => r.IdempotencyKey, NpgsqlDbType.Text));
        AddRunColumns(p, runs);
    }

    // What every inserted run carries, whichever statement inserts it (StartRuns.sql, TakeStartKeys.sql): one list, so
    // that a column added to runs cannot reach one start path and miss the other.
    private static void AddRunColumns(NpgsqlParameterCollection p, IReadOnlyList<NewRun> runs)
    {
        p.Add(Array("parent_run_ids", runs, r => r.ParentRunId, NpgsqlDbType.Uuid));
        p.Add(Array("nows", runs, r => r.Now?.UtcDateTime, NpgsqlDbType.TimestampTz));
        p.Add(Array("run_ats", runs, r => r.RunAt?.UtcDateTime, NpgsqlDbType.TimestampTz));
        p.Add(Array("delay_seconds", runs, r => r.Delay.TotalSeconds, NpgsqlDbType.Double));
        p.Add(Array("step_names", runs, r => r.FirstStepName, NpgsqlDbType.Text));
        p.Add(Array("trace_parents", runs, r => r.Trace.Parent, NpgsqlDbType.Text));
        p.Add(Array("trace_states", runs, r => r.Trace.State, NpgsqlDbType.Text));
        p.Add(Array("shapes", runs, r => r.Shape?.Fingerprint, NpgsqlDbType.Bigint));
        p.Add(Array("limit_keys", runs, r => r.LimitKeys, NpgsqlDbType.Text));
        p.Add(Array("queues", runs, r => r.Queue, NpgsqlDbType.Text));
        p.Add(Array("priorities", runs, r => r.Priority, NpgsqlDbType.Integer));
        p.Add(Array("deadline_seconds", runs, r => r.Deadline?.TotalSeconds, NpgsqlDbType.Double));
    }

    private static NpgsqlParameter<T[]> Array<T>(string name, IReadOnlyList<NewRun> runs, Func<NewRun, T> select, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { TypedValue = runs.Select(select).ToArray() };
}
