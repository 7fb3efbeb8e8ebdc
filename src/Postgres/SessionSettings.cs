using System.Globalization;
using Npgsql;

namespace Inquir.Typed;

/// <summary>
/// Puts the runtime's server-side limits on every connection it opens, as startup options, so that they hold
/// from the first statement without a round trip: a runaway statement or a forgotten open transaction is ended
/// by the server instead of holding locks.
/// </summary>
internal static class SessionSettings
{
    public static void Apply(NpgsqlConnectionStringBuilder connection, InquirOptions options)
    {
        var ours = $"-c statement_timeout={Milliseconds(options.StatementTimeout)} "
                   + $"-c idle_in_transaction_session_timeout={Milliseconds(options.IdleInTransactionSessionTimeout)}";

        // PostgreSQL applies startup options in order and the last one wins, so the connection string's own come after ours.
        connection.Options = string.IsNullOrWhiteSpace(connection.Options) ? ours : ours + " " + connection.Options;
    }

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
