using Inquir.Typed;
using Inquir.Typed.Postgres;
using Npgsql;

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

    /// <summary>
    /// Uses PostgreSQL through the application's own <paramref name="dataSource"/>, so that its pooling, credentials (a password
    /// provider, a rotating token) and Npgsql's own telemetry stay the application's; the application disposes it. The runtime's
    /// server-side limits (<see cref="InquirOptions.StatementTimeout"/>, <see cref="InquirOptions.IdleInTransactionSessionTimeout"/>)
    /// and its pool size are then the data source's: set them in its connection string
    /// (<c>Options=-c statement_timeout=30000</c>, <c>Maximum Pool Size</c>) where you want them.
    /// </summary>
    /// <example>
    /// <code>
    /// var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
    /// builder.Services.AddInquir(o =&gt; o.UsePostgres(dataSource));
    /// </code>
    /// </example>
    public static InquirOptions UsePostgres(this InquirOptions options, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataSource);
        options.ConnectionString = null;
        options.Store = new PostgresBackend(_ => dataSource);
        return options;
    }

    /// <summary>
    /// Uses PostgreSQL through the <see cref="NpgsqlDataSource"/> registered in the application's container — keyed by
    /// <paramref name="serviceKey"/> when it is given (<c>AddKeyedNpgsqlDataSource</c>, Aspire's <c>AddKeyedNpgsqlDataSource</c>),
    /// else the unkeyed one (<c>AddNpgsqlDataSource</c>) — as <see cref="UsePostgres(InquirOptions, NpgsqlDataSource)"/> does.
    /// The host does not start when none is registered under that key.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddNpgsqlDataSource(connectionString, serviceKey: "jobs");
    /// builder.Services.AddInquir(o =&gt; o.UseNpgsqlDataSource("jobs"));
    /// </code>
    /// </example>
    public static InquirOptions UseNpgsqlDataSource(this InquirOptions options, string? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConnectionString = null;
        options.Store = new PostgresBackend(services => RegisteredDataSource.Find(services, serviceKey));
        return options;
    }
}
