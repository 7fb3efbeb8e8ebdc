using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>
/// One SQLite file: connections with a busy timeout, foreign keys and the JSON containment function the search
/// uses, and write transactions that take the file's write lock at once (<c>BEGIN IMMEDIATE</c>), so that two
/// writers wait for each other instead of failing when one of them tries to upgrade a read.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    /// <summary>How long a statement waits for another process's write lock before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            ForeignKeys = true,
        };
        _connectionString = builder.ToString();
        FileName = builder.DataSource;
    }

    /// <summary>The file as the connection string names it, for messages.</summary>
    public string FileName { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            connection.CreateFunction<string?, string?, bool>("inquir_json_contains", JsonContainment.Contains, isDeterministic: true);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection and begins a write transaction on it (<c>BEGIN IMMEDIATE</c>).</summary>
    public async Task<(SqliteConnection Connection, SqliteTransaction Transaction)> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (connection, connection.BeginTransaction(deferred: false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Releases pooled connections so that the file is closed.</summary>
    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
