using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// Puts the file in WAL mode and applies the forward-only migrations, each in its own write transaction (whose
/// lock keeps another process from applying it at the same time), with a version row. Opening problems are
/// reported naming the file: a path that cannot be opened, a file that is not a database, a schema newer than
/// this version knows.
/// </summary>
internal sealed class SqliteMigrator(SqliteDatabase database)
{
    // SQLite's primary result codes for "cannot open the file" and "not a database".
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);

            // WAL lets readers go on while one process writes; the setting stays with the file.
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A file that is up to date is only read: the first start inside a caller's open write transaction
            // then does not wait for the write lock that the caller itself holds.
            if (await IsUpToDateAsync(connection, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await using (var ensure = connection.Script("EnsureMigrationTable"))
            {
                await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A migration that rebuilds a table (SQLite cannot change a constraint in place) drops the old one;
            // with foreign keys on, that DROP would delete the rows that refer to it. They are off while migrating
            // (the pragma has no effect inside a transaction) and each migration is checked before it commits.
            await connection.PragmaAsync("PRAGMA foreign_keys = OFF;", cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var (version, name, sql) in SqliteScripts.Migrations())
                {
                    await ApplyAsync(connection, version, name, sql, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                await connection.PragmaAsync("PRAGMA foreign_keys = ON;", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == CannotOpen)
        {
            throw new InvalidOperationException($"The SQLite database '{database.FileName}' cannot be opened: {e.Message} Check that its folder exists and can be written.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == NotADatabase)
        {
            throw new InvalidOperationException($"The file '{database.FileName}' is not a SQLite database; name another file or move this one away.", e);
        }
    }

    private async Task<bool> IsUpToDateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }
        }

        await using var read = connection.Script("AppliedMigrations");
        var applied = (await read.ReadAllAsync(RunResults.AppliedMigrations, cancellationToken).ConfigureAwait(false)).ToHashSet();
        ThrowIfNewer(applied);
        return SqliteScripts.Migrations().All(m => applied.Contains(m.Version));
    }

    private void ThrowIfNewer(HashSet<long> applied)
    {
        var known = SqliteScripts.Migrations().Max(m => m.Version);
        if (applied.Count > 0 && applied.Max() > known)
        {
            throw new InvalidOperationException(
                $"The SQLite database '{database.FileName}' has schema version {applied.Max()}, newer than this version of Inquir.Typed.Sqlite knows ({known}); upgrade the package or use another file.");
        }
    }

    private async Task ApplyAsync(SqliteConnection connection, int version, string name, string sql, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        var applied = new HashSet<long>();
        await using (var read = connection.Script("AppliedMigrations", transaction))
        {
            applied.UnionWith(await read.ReadAllAsync(RunResults.AppliedMigrations, cancellationToken).ConfigureAwait(false));
        }

        ThrowIfNewer(applied);
        if (applied.Contains(version))
        {
            return;
        }

        await using (var migrate = connection.CreateCommand())
        {
            migrate.Transaction = transaction;
            migrate.CommandText = sql;
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "PRAGMA foreign_key_check;";
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } table)
            {
                throw new InvalidOperationException($"Migration {name} of the SQLite database '{database.FileName}' left rows of table '{table}' whose foreign key refers to no row; it was not applied.");
            }
        }

        await using (var record = connection.Script("RecordMigration", transaction).Bind("@version", version).Bind("@name", name))
        {
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
