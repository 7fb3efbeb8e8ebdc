using Npgsql;

namespace Inquir.Typed;

/// <summary>
/// The runtime's connections wait for a reply a margin longer than the server lets a statement run
/// (<see cref="InquirOptions.StatementTimeout"/>), unless the connection string sets its own <c>Command Timeout</c>.
/// A slow statement is then ended by the server, which says why (SQLSTATE 57014), and not by Npgsql, whose timeout
/// cannot tell a slow statement from a network that stopped answering: the worker writes a batch that timed out in
/// parts, and fails the attempt of an outcome that keeps timing out on its own with that reason.
/// </summary>
internal static class CommandTimeoutMargin
{
    // Long enough for the server's cancel to reach the client on a loaded machine.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public static void Apply(NpgsqlConnectionStringBuilder connection, string connectionString, InquirOptions options)
    {
        if (options.StatementTimeout <= TimeSpan.Zero || connection.CommandTimeout == 0 || ConnectionStringKeys.Sets(connectionString, "COMMANDTIMEOUT"))
        {
            return;
        }

        var seconds = (int)Math.Ceiling((options.StatementTimeout + Margin).TotalSeconds);
        connection.CommandTimeout = Math.Max(connection.CommandTimeout, seconds);
    }
}
