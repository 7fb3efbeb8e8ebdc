using BenchmarkDotNet.Attributes;
using Inquir.Typed.Storage;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Benchmarks.Starts;

/// <summary>
/// One typed start through the client up to the store call: the generated <c>StartChargeCardAsync</c>, its serializer,
/// the input's checks, the run's row and the start coalescer, with a store that writes nothing
/// (<see cref="StoreCallOnly"/>). What it allocates is what every start allocates before the database sees it.
/// </summary>
[MemoryDiagnoser]
public class TypedStartClientBenchmarks
{
    private readonly ChargeRequest _input = new(Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), "Ada Lovelace", 1234.50m, "EUR", 1);
    private IWorkflowClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var store = new StoreCallOnly();
        var options = Options.Create(new InquirOptions());
        _client = new WorkflowClient(store, new SchemaReadiness(store, options), new WorkflowRegistry([]), TimeProvider.System, options);
        _client.StartChargeCardAsync(_input).GetAwaiter().GetResult();
        if (store.Last is null)
        {
            throw new InvalidOperationException("The start did not reach the store.");
        }
    }

    [Benchmark(Description = "typed start, client to store call")]
    public async Task<WorkflowRun<string>> StartToStoreCall() => await _client.StartChargeCardAsync(_input);
}
