using Inquir.Typed.Tests.Store.Contract;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>A generic host running the client and worker on a SQLite file of its own, deleted when disposed.</summary>
internal sealed class SqliteHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private SqliteHost(IHost host, string file)
    {
        _host = host;
        File = file;
    }

    public string File { get; }

    public IServiceProvider Services => _host.Services;

    public IWorkflowClient Client => Services.GetRequiredService<IWorkflowClient>();

    public IWorkflowHistory History => Services.GetRequiredService<IWorkflowHistory>();

    public static async Task<SqliteHost> StartAsync(Action<IServiceCollection> services, Action<WorkerOptions>? worker = null, string? file = null)
    {
        file ??= SqliteFiles.NewPath();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddInquir(o =>
        {
            o.UseSqlite($"Data Source={file}");
            o.Worker.PollInterval = TimeSpan.FromMilliseconds(100);
            o.Worker.RescueInterval = TimeSpan.FromMilliseconds(200);
            worker?.Invoke(o.Worker);
        });
        services(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new SqliteHost(host, file);
    }

    /// <summary>Stops the host and leaves its file for another host.</summary>
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
        SqliteFiles.Delete(File);
    }
}
