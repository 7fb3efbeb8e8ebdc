using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Benchmarks;

/// <summary>
/// History search over 100,000 runs against a real PostgreSQL (scripts/bench.sh starts one), through the public
/// <see cref="IWorkflowHistory"/> API: selective filters that an operator types, each returning one page.
/// </summary>
[MemoryDiagnoser]
public class HistorySearchBenchmarks
{
    private const int Runs = 100_000;
    private ServiceProvider _services = null!;
    private IWorkflowHistory _history = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var schema = "bench_history_" + Guid.NewGuid().ToString("N")[..8];
        var services = new ServiceCollection();
        services.AddInquir(o => o.UsePostgres(HistoryData.Connection, schema));
        _services = services.BuildServiceProvider();
        _history = _services.GetRequiredService<IWorkflowHistory>();
        await _history.MigrateAsync();
        await HistoryData.FillAsync(schema, Runs);
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _services.DisposeAsync();

    [Benchmark(Description = "error text + workflow")]
    public Task<RunPage> ErrorTextAndWorkflow() =>
        _history.SearchAsync(new RunQuery { ErrorContains = "Shard 7 REJECTED", Workflow = "workflow_0" });

    [Benchmark(Description = "error text alone")]
    public Task<RunPage> ErrorText() =>
        _history.SearchAsync(new RunQuery { ErrorContains = "shard 7 rejected" });

    [Benchmark(Description = "idempotency key")]
    public Task<RunPage> IdempotencyKey() =>
        _history.SearchAsync(new RunQuery { IdempotencyKey = "key-54321" });

    [Benchmark(Description = "input userId = 54321")]
    public Task<RunPage> InputMatch() =>
        _history.SearchAsync(new RunQuery { Input = [Typed.InputMatch.Parse("userId=54321")] });

    [Benchmark(Description = "failed runs of a workflow, last hour, first page")]
    public Task<RunPage> FailedOfWorkflowLastHour() =>
        _history.SearchAsync(new RunQuery { Workflow = "workflow_3", Status = RunStatus.Failed, Since = DateTimeOffset.UtcNow.AddHours(-1) });

    [Benchmark(Description = "newest page, no filter")]
    public Task<RunPage> NewestPage() => _history.SearchAsync(new RunQuery());
}
