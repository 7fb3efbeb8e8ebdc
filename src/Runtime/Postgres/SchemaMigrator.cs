using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Postgres;

/// <summary>
/// Creates and upgrades the schema: each pending migration in its own transaction, all of them under one advisory
/// lock, so that many processes starting at once apply each migration exactly once.
/// </summary>
internal sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, SqlScripts sql, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var lockKey = "inquir.migrations:" + sql.QuotedSchema;
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtext(@lockKey))", new { lockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            // A DO body is a string literal, so the schema name must never be put into one: it reads it from here.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT set_config('inquir.schema', @schema, false)", new { schema = sql.Schema }, cancellationToken: cancellationToken)).ConfigureAwait(false);

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
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
                await connection.ExecuteAsync(new CommandDefinition(
                    $"INSERT INTO {sql.QuotedSchema}.schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name },
                    transaction,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                LogApplied(migration.Name, sql.QuotedSchema);
            }
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(hashtext(@lockKey)); RESET inquir.schema", new { lockKey }).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to schema {Schema}")]
    private partial void LogApplied(string migration, string schema);
}
