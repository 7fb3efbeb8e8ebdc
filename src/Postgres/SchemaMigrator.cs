using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Creates and upgrades the schema: each pending migration in its own transaction (or, when it is marked
/// <see cref="Migration.NoTransactionMarker"/>, statement by statement outside one), all of them under one advisory
/// lock, so that many processes starting at once apply each migration exactly once.
/// </summary>
/// <remarks>
/// <para>
/// The first process of a new release migrates while the previous release's workers go on claiming and completing
/// runs in tables that may hold millions of rows, so every migration after the first follows these rules
/// (<c>LiveMigrationRulesTests</c> reads each migration's text for them):
/// </para>
/// <list type="bullet">
/// <item>A statement that takes a lock writers wait for (<c>ACCESS EXCLUSIVE</c>: <c>ADD COLUMN</c>, <c>ADD</c> or
/// <c>DROP CONSTRAINT</c>) changes the catalog only: no scan, no rewrite, no index build. The migrator gives every such
/// statement (and every transactional migration) <see cref="LockTimeout"/> to get its lock; when it runs out, the
/// statement is rolled back and tried again after a growing pause, so a writer never queues behind it for longer.</item>
/// <item>A constraint on an existing table is added <c>NOT VALID</c>, then checked by <c>ALTER TABLE … VALIDATE
/// CONSTRAINT</c> in a statement of its own, which takes <c>SHARE UPDATE EXCLUSIVE</c>: writers go on while it scans.
/// A foreign key on a new column is added the same way, after the column.</item>
/// <item>An index on an existing table is built <c>CREATE INDEX CONCURRENTLY IF NOT EXISTS</c>, and dropped
/// <c>DROP INDEX CONCURRENTLY IF EXISTS</c>.</item>
/// <item>Those cannot run inside a transaction (a <c>VALIDATE</c> must not share one with the <c>ADD</c> that took
/// <c>ACCESS EXCLUSIVE</c>): such a migration's first line is <see cref="Migration.NoTransactionMarker"/>. Its
/// statements are sent one at a time, each committing on its own, and one interrupted half-way is run again from its
/// first statement, so each statement must be safe to run twice: <c>ADD COLUMN IF NOT EXISTS</c>, <c>ALTER TABLE t DROP
/// CONSTRAINT IF EXISTS c, ADD CONSTRAINT c … NOT VALID</c> in one statement, <c>IF NOT EXISTS</c> on every index (an
/// invalid index that an interrupted build left is dropped before the migration runs again).</item>
/// <item>An index that can be built only when something is there (pg_trgm's operator class) is built by a query under
/// the line <see cref="MigrationStatement.RunsItsRowsMarker"/> that returns its statements, since a <c>DO</c> block
/// cannot build an index concurrently.</item>
/// </list>
/// </remarks>
internal sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, SqlScripts sql, ILogger<SchemaMigrator> logger)
{
    /// <summary>
    /// How long a statement that writers would queue behind waits for its lock before it gives way and is tried again:
    /// with the statement's own catalog work, well under the second that the runtime promises no claim or completion
    /// waits. The runtime's own transactions last milliseconds, so a statement is held up only by a long transaction
    /// (a caller's, or a report's), whatever the timeout, and then tries again until it ends.
    /// </summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMilliseconds(200);

    // Npgsql's command timeout (30 s unless the connection string says otherwise) would cut an index build short just as
    // the server's statement_timeout would: CREATE INDEX CONCURRENTLY also waits for every older transaction to end.
    private const int AsLongAsItTakes = 0;

    public Task MigrateAsync(CancellationToken cancellationToken) => MigrateThroughAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the pending migrations up to and including <paramref name="version"/>: a schema as an older release left it.</summary>
    public async Task MigrateThroughAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var lockKey = "inquir.migrations:" + sql.QuotedSchema;

        // The runtime's statement_timeout is for its own short statements. A migrator waits for the lock while another
        // one builds an index over millions of runs, and builds such indexes itself: that takes as long as it takes.
        // A DO body is a string literal, so the schema name never goes into one: it reads inquir.schema instead.
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('statement_timeout', '0', false), set_config('inquir.schema', @schema, false)",
            new { schema = sql.Schema },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            await LockAsync(connection, lockKey, cancellationToken).ConfigureAwait(false);
            await ApplyPendingAsync(connection, version, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The connection goes back to the pool: with the runtime's timeouts again, and without the lock.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@lockKey)); RESET statement_timeout; RESET lock_timeout; RESET inquir.schema", new { lockKey }).ConfigureAwait(false);
        }
    }

    // Not pg_advisory_lock: a session waiting inside a statement holds a snapshot, and CREATE INDEX CONCURRENTLY in
    // the lock holder waits for every transaction with an older snapshot to end, so the two would wait for each
    // other until PostgreSQL fails one as a deadlock. Between short tries a waiting migrator holds no snapshot.
    private static async Task LockAsync(NpgsqlConnection connection, string lockKey, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1));
        while (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                   "SELECT pg_try_advisory_lock(hashtext(@lockKey))", new { lockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            // Real time, not the injected clock: hosts of a test that share a fake clock would otherwise wait for a
            // lock try that never comes.
            await Task.Delay(backoff.Next(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyPendingAsync(NpgsqlConnection connection, int throughVersion, CancellationToken cancellationToken)
    {
        // CREATE SCHEMA checks the right to create schemas even when the schema exists: a role that owns only its
        // schema (made for it by a DBA) must not run it.
        var schemaExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regnamespace(@schema) IS NOT NULL", new { schema = sql.QuotedSchema }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!schemaExists)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql.Load("CreateSchema"), cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(sql.EnsureMigrationTable, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            $"SELECT version FROM {sql.QuotedSchema}.schema_migrations", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        foreach (var migration in sql.Migrations().Where(m => m.Version <= throughVersion && !applied.Contains(m.Version)))
        {
            if (migration.RunsInTransaction)
            {
                await WithLockRetriesAsync(migration, () => ApplyInTransactionAsync(connection, migration, cancellationToken), beforeRetry: null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ApplyOutsideTransactionAsync(connection, migration, cancellationToken).ConfigureAwait(false);
            }

            LogApplied(migration.Name, sql.QuotedSchema);
        }
    }

    private async Task<bool> ApplyInTransactionAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await SetLockTimeoutAsync(connection, LockTimeout, transaction, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await RecordAsync(connection, migration, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task ApplyOutsideTransactionAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await DropInvalidIndexesAsync(connection, cancellationToken).ConfigureAwait(false);

        // One statement per round trip: several in one would run as one implicit transaction.
        foreach (var statement in SqlText.Statements(migration.Sql))
        {
            await RunAsync(connection, migration, new MigrationStatement(statement), cancellationToken).ConfigureAwait(false);
        }

        await RecordAsync(connection, migration, transaction: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunAsync(NpgsqlConnection connection, Migration migration, MigrationStatement statement, CancellationToken cancellationToken)
    {
        if (statement.RunsItsRows)
        {
            var statements = await WithLockRetriesAsync(
                migration,
                async () =>
                {
                    await SetLockTimeoutAsync(connection, LockTimeout, transaction: null, cancellationToken).ConfigureAwait(false);
                    return await connection.QueryAsync<string>(new CommandDefinition(statement.Text, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
                },
                beforeRetry: null,
                cancellationToken).ConfigureAwait(false);
            foreach (var returned in statements)
            {
                await RunAsync(connection, migration, new MigrationStatement(returned), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await WithLockRetriesAsync(
            migration,
            async () =>
            {
                await SetLockTimeoutAsync(connection, statement.BlocksNoWriter ? TimeSpan.Zero : LockTimeout, transaction: null, cancellationToken).ConfigureAwait(false);
                return await connection.ExecuteAsync(new CommandDefinition(statement.Text, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
            },
            // A concurrent build chosen as a deadlock's victim leaves its index invalid, which IF NOT EXISTS would keep.
            beforeRetry: () => DropInvalidIndexesAsync(connection, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    // A lock that is not granted within the timeout, or a deadlock with a writer, rolls back only the statement (or
    // the transactional migration): nothing is half done, and the writers that queued behind it go on meanwhile.
    private async Task<T> WithLockRetriesAsync<T>(Migration migration, Func<Task<T>> apply, Func<Task>? beforeRetry, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        while (true)
        {
            try
            {
                return await apply().ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected)
            {
                var delay = backoff.Next();
                LogGaveWay(migration.Name, e.MessageText, delay.TotalMilliseconds);

                // Real time, as for the migration lock.
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                if (beforeRetry is not null)
                {
                    await beforeRetry().ConfigureAwait(false);
                }
            }
        }
    }

    private static Task<int> SetLockTimeoutAsync(NpgsqlConnection connection, TimeSpan timeout, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('lock_timeout', @timeout, @local)",
            new { timeout = $"{(long)timeout.TotalMilliseconds}ms", local = transaction is not null },
            transaction,
            cancellationToken: cancellationToken));

    // No other migrator builds while this one holds the lock, so an invalid index in the schema is what an
    // interrupted build left: drop it, and the migration builds it again.
    private async Task DropInvalidIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await SetLockTimeoutAsync(connection, TimeSpan.Zero, transaction: null, cancellationToken).ConfigureAwait(false);
        var invalidIndexes = await connection.ReadAsync(
            new CommandDefinition(sql.Load("FindInvalidIndexes"), new { schema = sql.Schema }, cancellationToken: cancellationToken), MigrationResults.FindInvalidIndexes).ConfigureAwait(false);
        foreach (var index in invalidIndexes)
        {
            LogDroppingInvalidIndex(index);
            await connection.ExecuteAsync(new CommandDefinition("DROP INDEX CONCURRENTLY IF EXISTS " + index, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private Task<int> RecordAsync(NpgsqlConnection connection, Migration migration, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {sql.QuotedSchema}.schema_migrations (version, name) VALUES (@Version, @Name)",
            new { migration.Version, migration.Name },
            transaction,
            cancellationToken: cancellationToken));

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Applied migration {Migration} to schema {Schema}")]
    private partial void LogApplied(string migration, string schema);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Dropping index {Index}, left invalid by an interrupted concurrent build, to build it again")]
    private partial void LogDroppingInvalidIndex(string index);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Migration {Migration} gave way to the writers of a busy table ({Reason}); trying again in {DelayMs} ms")]
    private partial void LogGaveWay(string migration, string reason, double delayMs);
}
