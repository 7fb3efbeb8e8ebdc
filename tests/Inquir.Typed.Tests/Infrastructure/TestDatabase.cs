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

    /// <summary>
    /// A database of its own on the test server, for a test that loads a large history or builds indexes over one: a
    /// concurrent index build waits for every older transaction of its database, so in the shared database the
    /// migrations of every other test would wait for this one's long statements.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = await OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever connections are left on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
