using Inquir.Typed.SideBySide.Systems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.SideBySide.Inquir;

/// <summary>
/// Inquir.Typed as a user runs it: one host that starts runs and, once <see cref="StartWorkersAsync"/> is called, a
/// second host in the same process whose worker runs them, both on one schema.
/// </summary>
public sealed class InquirSystem(string connectionString, string schema, int? concurrency) : IFlowJobSystem
{
    private const int BulkChunk = 2000;

    private readonly IHost _client = Build(connectionString, schema, concurrency, worker: false);
    private IHost? _worker;

    public IServiceProvider Services => _client.Services;

    private IWorkflowClient Client => Services.GetRequiredService<IWorkflowClient>();

    public Task InitializeAsync() => _client.StartAsync();

    public async Task StartWorkersAsync()
    {
        _worker = Build(connectionString, schema, concurrency, worker: true);
        await _worker.StartAsync();
    }

    public Task StartPipelineAsync(int run, bool failOnce) =>
        failOnce ? Client.StartPipelineFailingOnceAsync(run) : Client.StartPipelineAsync(run);

    /// <summary>The typed bulk starter, <see cref="BulkChunk"/> runs per statement, one statement after another.</summary>
    public async Task StartPipelinesAsync(int count)
    {
        for (var first = 0; first < count; first += BulkChunk)
        {
            await Client.StartPipelineManyAsync(Enumerable.Range(first, Math.Min(BulkChunk, count - first)));
        }
    }

    public Task StartOneStepAsync(int run) => Client.StartOneStepAsync(run);

    public Task StartProbeAsync() => Client.StartProbeAsync(0);

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync();
            _worker.Dispose();
        }

        await _client.StopAsync();
        _client.Dispose();
    }

    private static IHost Build(string connectionString, string schema, int? concurrency, bool worker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddInquir(o =>
        {
            o.UsePostgres(connectionString, schema);
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
