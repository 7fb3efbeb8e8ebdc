using Npgsql;

namespace Inquir.Typed;

/// <summary>Settings of the Inquir.Typed runtime; set in <c>AddInquir</c> or bound from the <c>Inquir</c> configuration section.</summary>
public sealed class InquirOptions
{
    /// <summary>The PostgreSQL connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema that holds the runtime's tables. Default <c>inquir</c>.</summary>
    public string Schema { get; set; } = "inquir";

    /// <summary>Whether the schema is created and upgraded when the runtime first touches the database. Default on.</summary>
    public bool ApplyMigrations { get; set; } = true;

    /// <summary>The worker's settings.</summary>
    public WorkerOptions Worker { get; set; } = new();

    /// <summary>How long finished runs are kept, and how often the host deletes older ones.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Uses PostgreSQL at <paramref name="connectionString"/>.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or not a PostgreSQL connection string.</exception>
    public InquirOptions UsePostgres(string connectionString)
    {
        ConnectionStringCheck.ThrowIfInvalid(connectionString, nameof(connectionString));
        ConnectionString = connectionString;
        return this;
    }

    /// <summary>Uses PostgreSQL at <paramref name="connectionString"/> in <paramref name="schema"/>.</summary>
    public InquirOptions UsePostgres(string connectionString, string schema)
    {
        UsePostgres(connectionString);
        Schema = schema;
        return this;
    }
}

/// <summary>Checks a connection string once, with a message that never repeats the password.</summary>
internal static class ConnectionStringCheck
{
    public static void ThrowIfInvalid(string? connectionString, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The PostgreSQL connection string is empty.", parameterName);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", parameterName, e);
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", parameterName);
        }
    }
}
