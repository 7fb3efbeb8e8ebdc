using System.Data.Common;

namespace Inquir.Typed;

/// <summary>
/// Which keywords a connection string writes. Npgsql's builder cannot tell a value that was written from its default
/// (an explicit default must win too), so the keywords as written are read; Npgsql accepts them with or without
/// spaces, in any case, and refused anything else before this point.
/// </summary>
internal static class ConnectionStringKeys
{
    /// <summary>True when <paramref name="connectionString"/> sets one of <paramref name="keys"/>, written in upper case without spaces.</summary>
    public static bool Sets(string connectionString, params string[] keys)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return written.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
            .Any(keys.Contains);
    }
}
