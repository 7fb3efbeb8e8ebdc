using Inquir.Typed.Storage;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Sqlite;

/// <summary>The SQLite store of one file, opened once per service provider.</summary>
internal sealed class SqliteBackend(string connectionString) : StoreBackend
{
    public string ConnectionString { get; } = connectionString;

    public override OpenedStore Open(IServiceProvider services)
    {
        var database = new SqliteDatabase(ConnectionString);
        var wakeUps = new SqliteWakeUps();
        var runs = new SqliteRunStore(database, new SqliteMigrator(database), wakeUps);
        return new OpenedStore(runs, new SqliteHistoryStore(database, wakeUps), wakeUps, database)
        {
            Monitoring = new SqliteMonitoringStore(database, new DatabaseClock((TimeProvider?)services.GetService(typeof(TimeProvider)) ?? TimeProvider.System)),
        };
    }

    public override IEnumerable<string> Problems(InquirOptions options)
    {
        string? problem = null;
        try
        {
            if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(ConnectionString).DataSource))
            {
                problem = "Inquir: the SQLite connection string names no file (Data Source=inquir.db).";
            }
        }
        catch (ArgumentException e)
        {
            problem = $"Inquir: the SQLite connection string is not valid: {e.Message}";
        }

        return problem is null ? [] : [problem];
    }
}
