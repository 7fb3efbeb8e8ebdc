using Inquir.Typed.Postgres;
using Inquir.Typed.Sqlite;
using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Store;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>Opens each store of the suite on a database of its own: a fresh schema of the test PostgreSQL, a fresh SQLite file.</summary>
internal static class Stores
{
    public static async Task<StoreUnderTest> PostgresAsync()
    {
        var schema = TestDatabase.NewSchema();
        var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        var runs = StoreFactory.NewStore(dataSource, schema);
        await runs.MigrateAsync(default);
        var sql = new SqlScripts(schema);
        var history = new PostgresHistoryStore(dataSource, sql, new WakeUpChannel(schema));
        var clock = new FakeTimeProvider(StoreSteps.T0);
        var monitoring = new PostgresMonitoringStore(new HealthStore(dataSource, sql, new DatabaseClock(clock)), new AlertStore(dataSource, sql), new NotificationStore(dataSource, sql), sql);
        return new StoreUnderTest(runs, history, dataSource.DisposeAsync) { Monitoring = monitoring, Clock = clock };
    }

    public static async Task<StoreUnderTest> SqliteAsync()
    {
        var file = SqliteFiles.NewPath();
        var clock = new FakeTimeProvider(StoreSteps.T0);
        var opened = new SqliteBackend($"Data Source={file}").Open(new ClockServices(clock));
        await opened.Runs.MigrateAsync(default);
        return new StoreUnderTest(opened.Runs, opened.History, async () =>
        {
            await opened.DisposeAsync();
            SqliteFiles.Delete(file);
        })
        {
            Monitoring = opened.Monitoring,
            Clock = clock,
        };
    }

    // The one service the SQLite backend asks for: the clock of its monitoring queries.
    private sealed class ClockServices(TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? clock : null;
    }
}

/// <summary>Temporary SQLite files of the tests, with their WAL and shared-memory files.</summary>
internal static class SqliteFiles
{
    public static string NewPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "inquir-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
    }

    public static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
