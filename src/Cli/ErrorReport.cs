using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inquir.Typed.Cli;

/// <summary>
/// Turns a failure into one line for stderr and an exit code. Never a stack trace, and never the connection
/// string: only its host, port and user are named.
/// </summary>
internal static class ErrorReport
{
    public static (int ExitCode, string Message) Describe(Exception error, string? connectionString) => error switch
    {
        UsageException e => (ExitCodes.Usage, e.Message),
        RunMissingException e => (ExitCodes.NotFound, e.Message),
        RunNotFoundException e => (ExitCodes.NotFound, e.Message.Split(" (Parameter", 2)[0]),
        ScheduleNotFoundException e => (ExitCodes.NotFound, e.Message.Split(" (Parameter", 2)[0]),
        QueueNotFoundException e => (ExitCodes.NotFound, e.Message.Split(" (Parameter", 2)[0]),
        RunStateException e => (ExitCodes.WrongState, e.Message.Split(" (Parameter", 2)[0]),
        EventRefusedException { Reason: EventRefusal.RunNotFound } e => (ExitCodes.NotFound, e.Message),
        EventRefusedException { Reason: EventRefusal.RunEnded } e => (ExitCodes.WrongState, e.Message),
        EventRefusedException e => (ExitCodes.Usage, e.Message),
        ArgumentException e => (ExitCodes.Usage, e.Message.Split(" (Parameter", 2)[0]),
        OptionsValidationException e => (ExitCodes.Usage, $"--schema or --connection cannot be used: {string.Join(" ", e.Failures)}"),
        PostgresException { SqlState: "28P01" or "28000" } e => (ExitCodes.DatabaseUnreachable, $"PostgreSQL at {Server(connectionString)} refused the login: {e.MessageText}"),
        PostgresException { SqlState: "3D000" } e => (ExitCodes.DatabaseUnreachable, $"PostgreSQL at {Server(connectionString)}: {e.MessageText}"),
        PostgresException { SqlState: "42P01" or "3F000" } => (ExitCodes.NotMigrated, "The schema (--schema, default inquir) is missing or not migrated in this database; run 'inquir migrate' first."),
        // Class 22 is a data exception: a value PostgreSQL cannot take, such as a number too large for numeric in --input.
        PostgresException { SqlState: ['2', '2', ..] } e => (ExitCodes.Usage, $"PostgreSQL cannot use a value given on the command line: {e.MessageText} ({e.SqlState})"),
        PostgresException e => (ExitCodes.Failed, $"PostgreSQL reported an error: {e.MessageText} ({e.SqlState})"),
        NpgsqlException e => (ExitCodes.DatabaseUnreachable, $"Cannot reach PostgreSQL at {Server(connectionString)}: {Reason(e)}"),
        // SQLite's error 1 with a missing table: the file exists but holds no migrated store.
        SqliteException { SqliteErrorCode: 1 } e when e.Message.Contains("no such table", StringComparison.Ordinal) =>
            (ExitCodes.NotMigrated, "The SQLite file (--sqlite) holds no Inquir.Typed tables; run 'inquir --sqlite <file> migrate' first."),
        SqliteException e => (ExitCodes.Failed, $"SQLite reported an error: {e.Message}"),
        TimeoutException => (ExitCodes.DatabaseUnreachable, $"Cannot reach PostgreSQL at {Server(connectionString)}: the connection timed out"),
        _ => (ExitCodes.Failed, $"{error.GetType().Name}: {error.Message}"),
    };

    private static string Reason(NpgsqlException error) => error.InnerException switch
    {
        SocketException s => s.Message,
        TimeoutException => "the connection timed out",
        { } inner => inner.Message,
        null => error.Message,
    };

    private static string Server(string? connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port} as {builder.Username ?? "(default user)"}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
