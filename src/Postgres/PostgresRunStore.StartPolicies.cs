using Npgsql;
using NpgsqlTypes;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Starts under a start policy (<see cref="NewRun.Policy"/>), in one transaction with the rest of their batch. They go
/// in rounds of one round trip each: a round holds each (workflow, key) once, so a batch that repeats a key starts
/// the later rows after the earlier ones, as starts made one after another would be.
/// </summary>
internal sealed partial class PostgresRunStore
{
    // A debounced row is started again when its holder was claimed between the statements of its round; a claim
    // would have to win that race this many times in a row before the start gives up.
    private const int MostRoundsPerRow = 10;

    private async Task<IReadOnlyList<StartedRun>> StartUnderPoliciesAsync(IReadOnlyList<NewRun> runs, NpgsqlTransaction? caller, CancellationToken cancellationToken)
    {
        await RecordShapesAsync(runs, cancellationToken).ConfigureAwait(false);
        var connection = caller?.Connection ?? await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = caller ?? await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var started = new StartedRun[runs.Count];
                var plain = Enumerable.Range(0, runs.Count).Where(i => runs[i].Policy is null).ToList();
                if (plain.Count > 0)
                {
                    // In the transaction given, the plain rows' insert notifies the workers when it commits.
                    var plainStarted = await StartRunsAsync(plain.Select(i => runs[i]).ToList(), transaction, cancellationToken).ConfigureAwait(false);
                    for (var i = 0; i < plain.Count; i++)
                    {
                        started[plain[i]] = plainStarted[i];
                    }
                }

                await StartInRoundsAsync(connection, transaction, runs, started, cancellationToken).ConfigureAwait(false);
                var wake = Enumerable.Range(0, runs.Count).Any(i => runs[i].Policy is not null && started[i].Created && DueNow(runs[i]));
                if (caller is not null)
                {
                    if (wake)
                    {
                        await using var notify = new NpgsqlBatch(connection, caller) { BatchCommands = { Wake(channel) } };
                        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    return started;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (wake)
                {
                    _notifier.Request();
                }

                return started;
            }
            finally
            {
                if (caller is null)
                {
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (caller is null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task StartInRoundsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewRun> runs, StartedRun[] started, CancellationToken cancellationToken)
    {
        var rounds = new int[runs.Count];
        var waiting = Enumerable.Range(0, runs.Count).Where(i => runs[i].Policy is not null).ToList();
        while (waiting.Count > 0)
        {
            var round = new List<int>();
            var later = new List<int>();
            var keys = new HashSet<(string, string?)>();
            foreach (var i in waiting)
            {
                (keys.Add((runs[i].Workflow, runs[i].IdempotencyKey)) ? round : later).Add(i);
            }

            foreach (var i in round)
            {
                if (++rounds[i] > MostRoundsPerRow)
                {
                    throw new InvalidOperationException(
                        $"The start of workflow '{runs[i].Workflow}' with key '{runs[i].IdempotencyKey}' ({runs[i].Policy}) found the run holding the key claimed {MostRoundsPerRow} times in a row; nothing was started.");
                }
            }

            var again = await StartRoundAsync(connection, transaction, runs, round, started, cancellationToken).ConfigureAwait(false);
            waiting = [.. again.Concat(later).Order()];
        }
    }

    // One round trip: take the keys (inserting the runs of the rows that took theirs), fold the debounced rows that did
    // not into their holders, and find the holders of the rest. Answers the rows to start again in the next round.
    private async Task<List<int>> StartRoundAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewRun> runs, List<int> round, StartedRun[] started, CancellationToken cancellationToken)
    {
        var rows = round.Select(i => runs[i]).ToList();
        var debounced = Enumerable.Range(0, rows.Count).Where(p => rows[p].Policy!.Kind == StartPolicyKind.Debounce).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var take = new NpgsqlBatchCommand(sql.TakeStartKeys);
        AddTakeParameters(take.Parameters, rows);
        batch.BatchCommands.Add(take);
        if (debounced.Count > 0)
        {
            var foldRows = debounced.Select(p => rows[p]).ToList();
            var fold = new NpgsqlBatchCommand(sql.FoldDebouncedRuns);
            fold.Parameters.Add(Array("ids", foldRows, r => r.Id, NpgsqlDbType.Uuid));
            fold.Parameters.Add(Array("workflows", foldRows, r => r.Workflow, NpgsqlDbType.Text));
            fold.Parameters.Add(Array("start_keys", foldRows, r => r.IdempotencyKey, NpgsqlDbType.Text));
            fold.Parameters.Add(Array("inputs", foldRows, r => r.Input, NpgsqlDbType.Text));
            fold.Parameters.Add(Array("nows", foldRows, r => r.Now?.UtcDateTime, NpgsqlDbType.TimestampTz));
            fold.Parameters.Add(Array("run_ats", foldRows, r => r.RunAt?.UtcDateTime, NpgsqlDbType.TimestampTz));
            fold.Parameters.Add(Array("delay_seconds", foldRows, r => r.Delay.TotalSeconds, NpgsqlDbType.Double));
            batch.BatchCommands.Add(fold);
        }

        var find = new NpgsqlBatchCommand(sql.FindRunsByStartKeys);
        find.Parameters.Add(Array("workflows", rows, r => r.Workflow, NpgsqlDbType.Text));
        find.Parameters.Add(Array("start_keys", rows, r => r.IdempotencyKey, NpgsqlDbType.Text));
        batch.BatchCommands.Add(find);

        var inserted = new HashSet<Guid>();
        var folded = new Dictionary<int, Guid>();
        var holders = new Dictionary<int, Guid>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            inserted.UnionWith(await reader.ReadAllAsync(RunResults.Ids, cancellationToken).ConfigureAwait(false));
            if (debounced.Count > 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (ord, id) in await reader.ReadAllAsync(RunResults.RunsByPosition, cancellationToken).ConfigureAwait(false))
                {
                    folded[debounced[(int)ord - 1]] = id;
                }
            }

            if (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (ord, id) in await reader.ReadAllAsync(RunResults.RunsByPosition, cancellationToken).ConfigureAwait(false))
                {
                    holders[(int)ord - 1] = id;
                }
            }
        }

        var again = new List<int>();
        for (var p = 0; p < rows.Count; p++)
        {
            if (inserted.Contains(rows[p].Id))
            {
                started[round[p]] = new StartedRun(rows[p].Id, Created: true);
            }
            else if (folded.TryGetValue(p, out var into))
            {
                started[round[p]] = new StartedRun(into, Created: false) { Updated = true };
            }
            else if (rows[p].Policy!.Kind != StartPolicyKind.Debounce && holders.TryGetValue(p, out var holder))
            {
                started[round[p]] = new StartedRun(holder, Created: false);
            }
            else
            {
                // A debounced row whose holder was claimed after the key was judged, or a key whose holder a
                // retention delete took meanwhile: the next round takes the key.
                again.Add(round[p]);
            }
        }

        return again;
    }

    private static void AddTakeParameters(NpgsqlParameterCollection p, IReadOnlyList<NewRun> rows)
    {
        p.Add(Array("ids", rows, r => r.Id, NpgsqlDbType.Uuid));
        p.Add(Array("workflows", rows, r => r.Workflow, NpgsqlDbType.Text));
        p.Add(Array("inputs", rows, r => r.Input, NpgsqlDbType.Text));
        p.Add(Array("start_keys", rows, r => r.IdempotencyKey, NpgsqlDbType.Text));
        p.Add(Array("policies", rows, r => StartPolicyCode.Of(r.Policy!), NpgsqlDbType.Text));
        p.Add(Array("period_ms", rows, r => StartPolicyCode.PeriodMilliseconds(r.Policy!), NpgsqlDbType.Bigint));
        AddRunColumns(p, rows);
    }
}
