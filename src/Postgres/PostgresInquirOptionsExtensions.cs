using Inquir.Typed;
using Inquir.Typed.Postgres;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the PostgreSQL store; in this namespace, as <c>AddInquir</c> is, so that it is found where that is.</summary>
public static class PostgresInquirOptionsExtensions
{
    /// <summary>
    /// Uses PostgreSQL at <paramref name="connectionString"/>, in the schema <see cref="InquirOptions.Schema"/>
    /// (default <c>inquir</c>): any number of worker processes on any number of machines share it. The schema and its
    /// tables are created and upgraded when <see cref="InquirOptions.ApplyMigrations"/> is on.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddInquir(o =&gt; o.UsePostgres("Host=localhost;Username=app;Database=app"));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException">The connection string is empty or not a PostgreSQL connection string.</exception>
    public static InquirOptions UsePostgres(this InquirOptions options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectionStringCheck.ThrowIfInvalid(connectionString, nameof(connectionString));
        options.ConnectionString = connectionString;
        options.Store = new PostgresBackend();
        return options;
    }

    /// <summary>Uses PostgreSQL at <paramref name="connectionString"/> in <paramref name="schema"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or not a PostgreSQL connection string.</exception>
    public static InquirOptions UsePostgres(this InquirOptions options, string connectionString, string schema)
    {
        options.UsePostgres(connectionString);
        options.Schema = schema;
        return options;
    }
}
