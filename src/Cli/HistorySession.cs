using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Cli;

/// <summary>
/// The history, schedules and alerts APIs over the connection the command line names. Migrations are not applied on the side: only
/// <c>inquir migrate</c> changes the schema, and no retention sweep or worker runs here.
/// </summary>
internal sealed class HistorySession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private HistorySession(ServiceProvider services) => _services = services;

    public IWorkflowHistory History => _services.GetRequiredService<IWorkflowHistory>();

    public IWorkflowSchedules Schedules => _services.GetRequiredService<IWorkflowSchedules>();

    public IWorkflowAlerts Alerts => _services.GetRequiredService<IWorkflowAlerts>();

    public static HistorySession Open(string connectionString, string schema)
    {
        var services = new ServiceCollection();
        services.AddInquir(o =>
        {
            o.UsePostgres(connectionString, schema);
            o.ApplyMigrations = false;
            o.Retention.Enabled = false;
            o.Worker.Enabled = false;
        });
        return new HistorySession(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
