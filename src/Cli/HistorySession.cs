using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Cli;

/// <summary>
/// The history, schedules, queues, limits and alerts APIs over the connection the command line names. Migrations are not applied on the side: only
/// <c>inquir migrate</c> changes the schema, and no retention sweep or worker runs here.
/// </summary>
internal sealed class HistorySession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HistorySession(ServiceProvider services) => _services = services;

    public IWorkflowHistory History => _services.GetRequiredService<IWorkflowHistory>();

    public IWorkflowSchedules Schedules => _services.GetRequiredService<IWorkflowSchedules>();

    public IWorkflowQueues Queues => _services.GetRequiredService<IWorkflowQueues>();

    public IWorkflowLimits Limits => _services.GetRequiredService<IWorkflowLimits>();

    public IWorkflowAlerts Alerts => _services.GetRequiredService<IWorkflowAlerts>();

    /// <summary>The client, for sending events; it knows no workflows, so the database alone refuses an event (a missing or ended run).</summary>
    public IWorkflowClient Client => _services.GetRequiredService<IWorkflowClient>();

    public static HistorySession Open(string connectionString, string schema) => Open(o => o.UsePostgres(connectionString, schema));

    /// <summary>The same over a SQLite file; a missing file is created empty, and commands other than migrate then say it is not migrated.</summary>
    public static HistorySession OpenSqlite(string file) => Open(o => o.UseSqlite(new SqliteConnectionStringBuilder { DataSource = file }.ToString()));

    private static HistorySession Open(Action<InquirOptions> store)
    {
        var services = new ServiceCollection();
        services.AddInquirClient(o =>
        {
            store(o);
            o.ApplyMigrations = false;
        });
        return new HistorySession(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
