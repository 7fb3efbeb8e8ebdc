using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>The store a test app runs on.</summary>
public enum AppStore
{
    Postgres,
    Sqlite,
}

/// <summary>
/// A minimal API on the test server, with the Inquir.Typed runtime on a schema of its own on the test database, or on
/// a SQLite file of its own.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _sqliteFile;

    private TestApp(WebApplication app, string schema, string? sqliteFile)
    {
        _app = app;
        Schema = schema;
        _sqliteFile = sqliteFile;
        Http = app.GetTestClient();
    }

    /// <summary>The test clock: webhook timestamps are checked against it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    public string Schema { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public IWorkflowClient Client => Services.GetRequiredService<IWorkflowClient>();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
        ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it.");

    public static async Task<TestApp> StartAsync(
        Action<WebApplication> map, bool worker = false, IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null, AppStore store = AppStore.Postgres)
    {
        var schema = "web_" + Guid.NewGuid().ToString("N")[..12];
        var sqliteFile = store == AppStore.Sqlite ? Path.Combine(Path.GetTempPath(), schema + ".db") : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        builder.Services.AddInquir(o =>
        {
            if (sqliteFile is null)
            {
                o.UsePostgres(ConnectionString, schema);
            }
            else
            {
                o.UseSqlite($"Data Source={sqliteFile}");
            }

            o.Worker.Enabled = worker;
            o.Worker.PollInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.AddWorkflow<RecordPayment>().AddWorkflow<RecordStripeEvent>().AddWorkflow<Doubling>();
        builder.Services.AddSingleton(new DoublingGate());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new TestApp(app, schema, sqliteFile);
    }

    /// <summary>How many runs the workflow has: a refused request must start none.</summary>
    public async Task<long> RunCountAsync(string workflow)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", $"\"{Schema}\".runs");
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{Schema}\".runs WHERE workflow = @workflow", connection);
        count.Parameters.AddWithValue("workflow", workflow);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
