using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Creates and upgrades the schema: each pending migration in its own transaction (or, when it is marked
/// <see cref="Migration.NoTransactionMarker"/>, statement by statement outside one), all of them under one advisory
/// lock, so that many processes starting at once apply each migration exactly once.
/// </summary>
internal sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, SqlScripts sql, ILogger<SchemaMigrator> logger)
{

    // Npgsql's command timeout (30 s unless the connection string says otherwise) would cut an index build short just as
    // the server's statement_timeout would: CREATE INDEX CONCURRENTLY also waits for every older transaction to end.
    private const int AsLongAsItTakes = 0;

    public async Task MigrateAsync(CancellationToken cancellationToken)
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
            await ApplyPendingAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The connection goes back to the pool: with the runtime's timeout again, and without the lock.
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@lockKey)); RESET statement_timeout; RESET inquir.schema", new { lockKey }).ConfigureAwait(false);
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

    private async Task ApplyPendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
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
        foreach (var migration in sql.Migrations().Where(m => !applied.Contains(m.Version)))
        {
            if (migration.RunsInTransaction)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await RecordAsync(connection, migration, transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ApplyOutsideTransactionAsync(connection, migration, cancellationToken).ConfigureAwait(false);
            }

            LogApplied(migration.Name, sql.QuotedSchema);
        }
    }

    private async Task ApplyOutsideTransactionAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        // No other migrator builds while this one holds the lock, so an invalid index in the schema is what an
        // interrupted build left: drop it, and the migration builds it again.
        var invalidIndexes = await connection.QueryAsync<string>(new CommandDefinition(
            sql.Load("FindInvalidIndexes"), new { schema = sql.Schema }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var index in invalidIndexes)
        {
            LogDroppingInvalidIndex(index);
            await connection.ExecuteAsync(new CommandDefinition("DROP INDEX CONCURRENTLY IF EXISTS " + index, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        // One statement per round trip: several in one would run as one implicit transaction.
        foreach (var statement in SqlText.Statements(migration.Sql))
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, commandTimeout: AsLongAsItTakes, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await RecordAsync(connection, migration, transaction: null, cancellationToken).ConfigureAwait(false);
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
}
