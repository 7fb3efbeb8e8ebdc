using Inquir.Typed.SideBySide.Systems;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.SideBySide.Inquir;

/// <summary>
/// Inquir.Typed on the embedded SQLite store, on a file of its own in the temp folder: a host that starts runs until
/// <see cref="StartWorkersAsync"/>, then the worker's own host, whose client starts the rest. On SQLite a start wakes
/// the workers of its own store only (the wake-up is in-process), so starts go through the worker's host once it
/// runs, as in an application that starts and runs its jobs in one process; the runs waiting before it started (the
/// drain) are found by its first claim.
/// </summary>
public sealed class InquirSqliteSystem(string file, int? concurrency) : IFlowJobSystem
{
    private readonly IHost _starter = Build(file, concurrency, worker: false);
    private IHost? _worker;

    public IServiceProvider Services => (_worker ?? _starter).Services;

    private IWorkflowClient Client => Services.GetRequiredService<IWorkflowClient>();

    public Task InitializeAsync() => _starter.StartAsync();

    public async Task StartWorkersAsync()
    {
        _worker = Build(file, concurrency, worker: true);
        await _worker.StartAsync();
    }

    public Task StartPipelineAsync(int run, bool failOnce) =>
        failOnce ? Client.StartPipelineFailingOnceAsync(run) : Client.StartPipelineAsync(run);

    public Task StartOneStepAsync(int run) => Client.StartOneStepAsync(run);

    public Task StartProbeAsync() => Client.StartProbeAsync(0);

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        await _starter.StopAsync();
        _starter.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static IHost Build(string file, int? concurrency, bool worker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddInquir(o =>
        {
            o.UseSqlite($"Data Source={file}");
            o.Worker.Enabled = worker;
            if (concurrency is { } slots)
            {
                o.Worker.Concurrency = slots;
            }
        });
        builder.Services.AddWorkflow<Pipeline>();
        builder.Services.AddWorkflow<PipelineFailingOnce>();
        builder.Services.AddWorkflow<OneStep>();
        builder.Services.AddWorkflow<Probe>();
        builder.Services.AddFlowWorkflows();
        return builder.Build();
    }
}
