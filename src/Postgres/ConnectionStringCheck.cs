using Npgsql;

namespace Inquir.Typed;

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
