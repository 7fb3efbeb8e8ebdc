using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>A generic host running the Inquir.Typed worker on one test database of either store.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private WorkerHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IWorkflowClient Client => Services.GetRequiredService<IWorkflowClient>();

    public IWorkflowHistory History => Services.GetRequiredService<IWorkflowHistory>();

    /// <summary>A host on <paramref name="schema"/> of the test PostgreSQL.</summary>
    public static Task<WorkerHost> StartAsync(
        string schema,
        Action<IServiceCollection> services,
        Action<WorkerOptions>? worker = null,
        IDictionary<string, string?>? configuration = null,
        bool start = true) =>
        StartAsync(StoreDatabase.Postgres(schema), services, worker, configuration, start);

    public static async Task<WorkerHost> StartAsync(
        StoreDatabase database,
        Action<IServiceCollection> services,
        Action<WorkerOptions>? worker = null,
        IDictionary<string, string?>? configuration = null,
        bool start = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddInquir(o =>
        {
            database.Use(o);

            // SQLite wakes its workers in-process, so its polls are only the fallback and can be frequent.
            o.Worker.PollInterval = TimeSpan.FromMilliseconds(database.Store == TestStore.Postgres ? 200 : 100);
            o.Worker.RescueInterval = TimeSpan.FromMilliseconds(200);
            o.Worker.ShutdownGracePeriod = TimeSpan.FromSeconds(5);
            worker?.Invoke(o.Worker);
        });
        services(builder.Services);
        var host = builder.Build();
        if (start)
        {
            await host.StartAsync();
        }

        return new WorkerHost(host);
    }

    public Task StartAsync() => _host.StartAsync();

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
