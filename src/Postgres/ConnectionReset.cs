using Npgsql;

namespace Inquir.Typed;

/// <summary>
/// The runtime's connections go back to its pool without Npgsql's reset, unless the connection string asks for it
/// (<c>No Reset On Close=false</c>). The reset runs ahead of the next use of the connection: DISCARD ALL, or five
/// statements once the connection holds prepared statements, which cost PostgreSQL about as much as a start's insert,
/// on every start, claim and completion write. The runtime leaves nothing in a session to reset: the migrator undoes
/// its settings and its lock, the wake-up listener stops listening before it lets go of its connection, and
/// transactions are rolled back on close either way.
/// </summary>
internal static class ConnectionReset
{
    public static void ApplyDefault(NpgsqlConnectionStringBuilder connection, string connectionString)
    {
        if (!ConnectionStringKeys.Sets(connectionString, "NORESETONCLOSE"))
        {
            connection.NoResetOnClose = true;
        }
    }
}
