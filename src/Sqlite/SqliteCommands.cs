using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>Commands from the embedded SQL files, and the time a write transaction works at.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Script(this SqliteConnection connection, string name, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = SqliteScripts.Load(name);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The fake time a test passes, else SQLite's clock, once per transaction (see <c>Now.sql</c>).</summary>
    public static async Task<long> NowAsync(this SqliteConnection connection, SqliteTransaction? transaction, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var command = connection.Script("Now", transaction).Bind("@now", now);
        return (await command.ReadAllAsync(RunResults.Now, cancellationToken).ConfigureAwait(false)).Single();
    }

    /// <summary>Runs a pragma of the connection (outside any transaction, where it takes effect).</summary>
    public static async Task PragmaAsync(this SqliteConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
