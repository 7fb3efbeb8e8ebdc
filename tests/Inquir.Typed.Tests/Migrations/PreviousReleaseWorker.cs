using System.Diagnostics;
using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;

namespace Inquir.Typed.Tests.Migrations;

/// <summary>
/// A worker of the release that left the schema at 0007, as its statements: it starts runs, claims them (FOR UPDATE
/// SKIP LOCKED) and completes them (the run, a checkpoint and an attempt in one transaction), as the runtime does,
/// while a rolling deploy's first new process migrates. The runtime of this release cannot be that worker: its
/// statements read the columns the pending migrations add. Each statement may wait a second for a lock (a
/// lock_timeout): one that waits longer fails, and is counted. Every transaction is timed from BEGIN to COMMIT, which on
/// a loaded machine also counts the time it waited for a CPU.
/// </summary>
internal sealed class PreviousReleaseWorker : IAsyncDisposable
{
    private const int BatchSize = 5;
    private readonly MigrationDatabase _database;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private Task _loop = Task.CompletedTask;
    private (string Kind, TimeSpan Duration) _longest = ("none", TimeSpan.Zero);
    private int _completions;
    private readonly List<string> _lockTimeouts = [];

    private PreviousReleaseWorker(MigrationDatabase database) => _database = database;

    public int Transactions { get; private set; }

    /// <summary>The transactions that waited longer than a second for a lock, by kind, with the database's message.</summary>
    public IReadOnlyList<string> LockTimeouts
    {
        get
        {
            lock (_lock)
            {
                return [.. _lockTimeouts];
            }
        }
    }

    public static PreviousReleaseWorker Start(MigrationDatabase database)
    {
        var worker = new PreviousReleaseWorker(database);
        worker._loop = Task.Run(worker.RunAsync);
        return worker;
    }

    public Task WaitForCompletionsAsync(int count) =>
        Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref _completions) >= count || _loop.IsFaulted), $"{count} completions");

    /// <summary>Stops the loop and returns the longest transaction it ran, and of which kind.</summary>
    public async Task<(string Kind, TimeSpan Duration)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        lock (_lock)
        {
            return _longest;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync("SET lock_timeout = '1s'");
        while (!_stop.IsCancellationRequested)
        {
            await TimedAsync(connection, "start", t => connection.ExecuteAsync(_database.Fill(
                """
                INSERT INTO {schema}.runs (id, workflow, status, input, created_at, updated_at, next_attempt_at)
                SELECT gen_random_uuid(), 'live', 'pending', jsonb_build_object('n', n), now(), now(), now() FROM generate_series(1, @count) AS n
                """),
                new { count = BatchSize }, t));
            var claimed = (await TimedAsync(connection, "claim", t => connection.QueryAsync<Guid>(_database.Fill(
                """
                UPDATE {schema}.runs
                SET status = 'running', attempt = attempt + 1, lease_owner = 'previous-release', lease_token = gen_random_uuid(),
                    lease_expires_at = now() + interval '30 seconds', next_attempt_at = NULL, started_at = now(),
                    attempt_started_at = now(), step_name = 'Only', updated_at = now()
                WHERE id IN (
                    SELECT id FROM {schema}.runs
                    WHERE status = 'pending' AND next_attempt_at <= now() AND workflow = 'live'
                    ORDER BY next_attempt_at
                    LIMIT @count
                    FOR UPDATE SKIP LOCKED)
                RETURNING id
                """),
                new { count = BatchSize }, t)))?.ToArray() ?? [];
            await TimedAsync(connection, "completion", t => connection.ExecuteAsync(_database.Fill(
                """
                UPDATE {schema}.runs
                SET status = 'succeeded', result = '{}', completed_at = now(), updated_at = now(), lease_owner = NULL,
                    lease_token = NULL, lease_expires_at = NULL, attempt_started_at = NULL, completion_id = gen_random_uuid()
                WHERE id = ANY(@ids);
                INSERT INTO {schema}.checkpoints (run_id, step_index, step_name, output, attempt, completed_at)
                SELECT id, 0, 'Only', '{}', 1, now() FROM unnest(@ids) AS id;
                INSERT INTO {schema}.attempts (run_id, step_index, step_name, attempt, worker, started_at, duration_ms, outcome)
                SELECT id, 0, 'Only', 1, 'previous-release', now(), 1, 'succeeded' FROM unnest(@ids) AS id;
                """),
                new { ids = claimed }, t));
            Interlocked.Add(ref _completions, claimed.Length);
            await Task.Delay(10);
        }
    }

    // Default when the transaction waited too long for a lock and was rolled back.
    private async Task<T?> TimedAsync<T>(NpgsqlConnection connection, string kind, Func<NpgsqlTransaction, Task<T>> statements)
    {
        var stopwatch = Stopwatch.StartNew();
        T? result = default;
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            try
            {
                result = await statements(transaction);
                await transaction.CommitAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                lock (_lock)
                {
                    _lockTimeouts.Add($"{kind}: {e.MessageText}");
                }
            }
        }

        var elapsed = stopwatch.Elapsed;
        lock (_lock)
        {
            Transactions++;
            if (elapsed > _longest.Duration)
            {
                _longest = (kind, elapsed);
            }
        }

        return result;
    }
}
