using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Benchmarks;

/// <summary>
/// End-to-end throughput against a real PostgreSQL (scripts/bench.sh starts one): start a batch of three-step
/// runs and wait until the worker has finished all of them. Steps per second = 3 × Runs / mean time.
/// </summary>
[MemoryDiagnoser]
public class WorkerThroughputBenchmarks
{
    private IHost _host = null!;
    private IWorkflowClient _client = null!;

    [Params(500)]
    public int Runs { get; set; }

    [Params(16, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connection = Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
            ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set; run the benchmarks with scripts/bench.sh.");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddInquir(o =>
        {
            o.UsePostgres(connection, "bench_" + Guid.NewGuid().ToString("N")[..8]);
            o.Worker.Concurrency = Concurrency;
        });
        builder.Services.AddWorkflow<ThreeSteps>();
        _host = builder.Build();
        await _host.StartAsync();
        _client = _host.Services.GetRequiredService<IWorkflowClient>();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Benchmark(Description = "start and finish runs of 3 steps")]
    public async Task StartAndFinish()
    {
        var starts = new Task<WorkflowRun<string>>[Runs];
        for (var i = 0; i < Runs; i++)
        {
            starts[i] = _client.StartThreeStepsAsync(i);
        }

        foreach (var run in await Task.WhenAll(starts))
        {
            await run.WaitAsync();
        }
    }
}
