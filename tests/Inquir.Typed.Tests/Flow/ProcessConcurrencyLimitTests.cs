using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Inquir.Typed.Tests.Flow;

/// <summary>
/// A step limited to 5 at once, four worker processes with 8 slots each, 500 runs: the most attempts of the step
/// that ran at once, from the times the store recorded them, is 5. One process holding slots is killed (SIGKILL, no
/// release): its slots come back when its leases expire, and the others run 5 at once again after that.
/// </summary>
public abstract class ProcessConcurrencyLimitTests(TestStore store, ITestOutputHelper output) : OnEveryStore(store)
{
    private const int Runs = 500;

    private const int Processes = 4;

    private const string Workflow = "flow-limited";

    // Short, so that the killed process's slots come back soon; long enough that a loaded machine renews in time.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Four_processes_never_run_more_than_5_steps_of_a_limit_of_5_at_once_and_get_a_killed_ones_slots_back()
    {
        await using var producer = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<FlowLimitedWorkflow>(), w => w.Enabled = false);
        await producer.Client.StartFlowLimitedWorkflowManyAsync(Enumerable.Range(0, Runs));
        var history = Database.History;
        using var workers = FlowWorkerProcesses.Start(Database, Processes, Lease);

        // Once the work is in full flow, a process that holds slots of the limit dies. Its steps are short: when it
        // had ended them all between the look and the kill, another one is killed, until a killed one held slots.
        var killed = new List<int>();
        int victim;
        do
        {
            victim = await SlotHolderAsync(history, killed);
            await workers.KillAsync(victim);
            killed.Add(victim);
        }
        while (!(await history.LeaseOwnersAsync(Workflow)).Any(owner => FlowWorkerProcesses.ProcessIdOf(owner) == victim) && killed.Count < Processes - 1);

        await Eventually.TrueAsync(
            async () => await history.CountAsync("runs", "workflow = @workflow AND status = 'succeeded'", new { workflow = Workflow }) == Runs,
            $"all {Runs} runs succeeded; the workers wrote: {workers.Output}",
            TimeSpan.FromMinutes(3));
        var spans = await history.AttemptSpansAsync(Workflow);
        var abandoned = spans.Where(s => s.Outcome == "abandoned").ToList();
        Assert.NotEmpty(abandoned);
        var rescued = abandoned.Max(s => s.End);
        var afterRescue = spans.Where(s => s.Start > rescued).ToList();
        output.WriteLine($"{spans.Count} attempts, {abandoned.Count} abandoned by {string.Join(", ", abandoned.Select(s => s.Worker).Distinct())} (killed: {string.Join(", ", killed)}); most at once: {Overlap.Most(spans)} in all, {Overlap.Most(afterRescue)} among the {afterRescue.Count} started after the last rescue");

        Assert.Empty(workers.ExitedOnTheirOwn(killed));

        // First: a live process whose lease lapsed on an overloaded machine goes on running its step after the rescue
        // handed the run (and its slot) on, which no limit can prevent; that is what to read in a failure, not the overlap.
        Assert.All(abandoned, s => Assert.Contains(FlowWorkerProcesses.ProcessIdOf(s.Worker), killed));
        Assert.Equal(FlowLimitedWorkflow.Concurrency, Overlap.Most(spans));
        Assert.Equal(FlowLimitedWorkflow.Concurrency, Overlap.Most(afterRescue));
    }

    /// <summary>A live worker process that holds runs of the workflow, once 50 runs have succeeded.</summary>
    private static async Task<int> SlotHolderAsync(History history, IReadOnlyCollection<int> killed)
    {
        var holder = -1;
        await Eventually.TrueAsync(
            async () =>
            {
                var done = await history.CountAsync("runs", "workflow = @workflow AND status = 'succeeded'", new { workflow = Workflow });
                holder = (await history.LeaseOwnersAsync(Workflow)).Select(FlowWorkerProcesses.ProcessIdOf).FirstOrDefault(id => id > 0 && !killed.Contains(id), -1);
                return done >= 50 && holder > 0;
            },
            "50 runs succeeded and a live worker process holds slots");
        return holder;
    }
}

[Collection(WorkerProcessesCollection.Name)]
public sealed class PostgresProcessConcurrencyLimitTests(ITestOutputHelper output) : ProcessConcurrencyLimitTests(TestStore.Postgres, output);

[Collection(WorkerProcessesCollection.Name)]
public sealed class SqliteProcessConcurrencyLimitTests(ITestOutputHelper output) : ProcessConcurrencyLimitTests(TestStore.Sqlite, output);
