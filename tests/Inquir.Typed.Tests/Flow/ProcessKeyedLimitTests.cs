using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Inquir.Typed.Tests.Flow;

/// <summary>
/// A workflow limited to one run per key at a time, four worker processes: no two runs of a key ever overlap, and a
/// key with a large backlog of due runs does not hold back a key with one run.
/// </summary>
public abstract class ProcessKeyedLimitTests(TestStore store, ITestOutputHelper output) : OnEveryStore(store)
{
    private const int Processes = 4;

    private const string Workflow = "flow-keyed";

    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    // 1,000 keys as the issue asks, 3 runs each instead of its 10: 10,000 runs took over a minute per store on a loaded
    // 2-core machine, more than the whole CI budget of these tests; 3 runs a key still queue behind each other.
    [Fact]
    public async Task Four_processes_never_run_two_runs_of_a_key_at_once_across_1000_keys_of_3_runs()
    {
        const int keys = 1_000;
        const int runsPerKey = 3;
        await using var producer = await StartProducerAsync();

        // Round by round, so that each key's runs are spread over the backlog as they would arrive.
        var inputs = from round in Enumerable.Range(0, runsPerKey)
                     from key in Enumerable.Range(0, keys)
                     select new KeyedInput("key-" + key, round);
        var runs = await producer.Client.StartFlowKeyedWorkflowManyAsync(inputs);
        var keyOf = runs.Zip(inputs).ToDictionary(p => p.First.Id, p => p.Second.Key);
        using var workers = FlowWorkerProcesses.Start(Database, Processes, Lease);

        await Eventually.TrueAsync(
            async () => await Database.History.CountAsync("runs", "workflow = @workflow AND status = 'succeeded'", new { workflow = Workflow }) == keys * runsPerKey,
            $"all {keys * runsPerKey} runs succeeded; the workers wrote: {workers.Output}",
            TimeSpan.FromMinutes(3));
        var spans = await Database.History.AttemptSpansAsync(Workflow);
        var mostPerKey = spans.GroupBy(s => keyOf[s.RunId]).Select(Overlap.Most).Max();
        output.WriteLine($"{spans.Count} attempts of {keys} keys; most runs of one key at once: {mostPerKey}; most runs at once in all: {Overlap.Most(spans)}");

        Assert.Empty(workers.ExitedOnTheirOwn([]));
        Assert.Equal(keys * runsPerKey, spans.Count(s => s.Outcome == "succeeded"));
        Assert.Equal(1, mostPerKey);
    }

    [Fact]
    public async Task A_run_of_a_cold_key_starts_while_a_hot_key_still_has_most_of_its_10000_due_runs_left()
    {
        const int hotRuns = 10_000;
        await using var producer = await StartProducerAsync();
        await producer.Client.StartFlowKeyedWorkflowManyAsync(Enumerable.Range(0, hotRuns).Select(n => new KeyedInput("hot", n)));

        // Due after every run of the hot key: claims take the oldest due first, so it is reached only once the hot
        // key's runs are out of the due runs' path (held by their full limit).
        var cold = await producer.Client.StartFlowKeyedWorkflowAsync(new KeyedInput("cold", 0));
        using var workers = FlowWorkerProcesses.Start(Database, Processes, Lease);

        Assert.Equal(0, await cold.WaitAsync(TimeSpan.FromMinutes(2)));
        var hotDone = await Database.History.CountAsync("runs", "workflow = @workflow AND status = 'succeeded'", new { workflow = Workflow }) - 1;
        output.WriteLine($"when the cold key's run had succeeded, {hotDone} of the hot key's {hotRuns} runs had");

        Assert.Empty(workers.ExitedOnTheirOwn([]));
        Assert.InRange(hotDone, 0, hotRuns / 10);
    }

    private Task<WorkerHost> StartProducerAsync() =>
        WorkerHost.StartAsync(Database, s => s.AddWorkflow<FlowKeyedWorkflow>(), w => w.Enabled = false);
}

[Collection(WorkerProcessesCollection.Name)]
public sealed class PostgresProcessKeyedLimitTests(ITestOutputHelper output) : ProcessKeyedLimitTests(TestStore.Postgres, output);

[Collection(WorkerProcessesCollection.Name)]
public sealed class SqliteProcessKeyedLimitTests(ITestOutputHelper output) : ProcessKeyedLimitTests(TestStore.Sqlite, output);
