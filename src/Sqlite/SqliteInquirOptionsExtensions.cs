using Inquir.Typed;
using Inquir.Typed.Sqlite;
using Microsoft.Data.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the embedded SQLite store; in this namespace, as <c>AddInquir</c> is, so that it is found where that is.</summary>
public static class SqliteInquirOptionsExtensions
{
    /// <summary>
    /// Uses the SQLite file that <paramref name="connectionString"/> names: no server, one machine, one or a few
    /// processes sharing the file. The file and its tables are created when missing.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddInquir(o =&gt; o.UseSqlite("Data Source=inquir.db"));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException">The connection string is empty, not valid, or names no file.</exception>
    public static InquirOptions UseSqlite(this InquirOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The SQLite connection string is not valid: {e.Message}", nameof(connectionString), e);
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no file; write Data Source=inquir.db.", nameof(connectionString));
        }

        options.Store = new SqliteBackend(connectionString);
        return options;
    }
}
