using Npgsql;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test run started (scripts/test.sh exports its connection string). Every test gets
/// a schema of its own, so tests never see each other's runs.
/// </summary>
public static class TestDatabase
{
    public const string ConnectionVariable = "INQUIR_TEST_CONNECTION";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable)
        ?? throw new InvalidOperationException(
            $"{ConnectionVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
