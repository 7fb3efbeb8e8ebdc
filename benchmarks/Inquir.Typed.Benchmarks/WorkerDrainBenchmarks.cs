using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Benchmarks;

/// <summary>
/// The worker alone: the runs are already waiting in the table when the worker starts, and the measurement ends when
/// the last one has succeeded. Unlike <see cref="WorkerThroughputBenchmarks"/> it leaves out the starts and the
/// callers' polling, so steps per second = 3 × Runs / mean time is the worker's own rate.
/// </summary>
[MemoryDiagnoser]
public class WorkerDrainBenchmarks : WorkerDrain<ThreeSteps>
{
    [Params(16, 64)]
    public int Concurrency { get; set; }

    protected override int WorkerConcurrency => Concurrency;

    protected override Task StartAsync(IWorkflowClient client, int input) => client.StartThreeStepsAsync(input);
}

/// <summary>
/// Drains <see cref="Runs"/> runs of a three-step workflow that were waiting before the worker started; the
/// measurement ends when the last one has succeeded.
/// </summary>
public abstract class WorkerDrain<TWorkflow>
    where TWorkflow : class, IGeneratedWorkflow
{
    private string _connection = null!;
    private string _schema = null!;
    private IHost _worker = null!;

    [Params(2000)]
    public int Runs { get; set; }

    protected abstract int WorkerConcurrency { get; }

    protected abstract Task StartAsync(IWorkflowClient client, int input);

    protected virtual void Configure(InquirOptions options)
    {
    }

    protected virtual void AddServices(IServiceCollection services)
    {
    }

    [GlobalSetup]
    public void Setup()
    {
        _connection = Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
            ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set; run the benchmarks with scripts/bench.sh.");
        _schema = "drain_" + Guid.NewGuid().ToString("N")[..8];
    }

    [IterationSetup]
    public void FillQueue() => FillQueueAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "drain waiting runs of 3 steps")]
    public async Task Drain()
    {
        await _worker.StartAsync();
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var unfinished = new NpgsqlCommand($"SELECT count(*) FROM \"{_schema}\".runs WHERE status <> 'succeeded'", connection);
        while ((long)(await unfinished.ExecuteScalarAsync())! > 0)
        {
            await Task.Delay(5);
        }
    }

    [IterationCleanup]
    public void StopWorkerAndEmptyTables() => StopWorkerAndEmptyTablesAsync().GetAwaiter().GetResult();

    private async Task FillQueueAsync()
    {
        using (var producer = Build(workerEnabled: false))
        {
            await producer.StartAsync();
            var client = producer.Services.GetRequiredService<IWorkflowClient>();
            for (var i = 0; i < Runs; i += 100)
            {
                await Task.WhenAll(Enumerable.Range(i, Math.Min(100, Runs - i)).Select(n => StartAsync(client, n)));
            }

            await producer.StopAsync();
        }

        _worker = Build(workerEnabled: true);
    }

    private async Task StopWorkerAndEmptyTablesAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await using var connection = new NpgsqlConnection(_connection);
        await connection.OpenAsync();
        await using var empty = new NpgsqlCommand($"TRUNCATE \"{_schema}\".attempts, \"{_schema}\".checkpoints, \"{_schema}\".runs", connection);
        await empty.ExecuteNonQueryAsync();
    }

    private IHost Build(bool workerEnabled)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddInquir(o =>
        {
            o.UsePostgres(_connection, _schema);
            o.Worker.Enabled = workerEnabled;
            o.Worker.Concurrency = WorkerConcurrency;
            o.Retention.Enabled = false;
            Configure(o);
        });
        builder.Services.AddWorkflow<TWorkflow>();
        AddServices(builder.Services);
        return builder.Build();
    }
}
