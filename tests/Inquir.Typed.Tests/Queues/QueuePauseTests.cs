using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Queues;

/// <summary>
/// Queues across workers on one database: a pause stops every worker's claims of the queue, a resume restarts them,
/// and a worker claims only from the queues it serves. Proven from what the database holds, not from how long
/// anything took: the paused runs have the highest priority, so any claim of the queue would have taken them first.
/// </summary>
public abstract class QueuePauseTests(TestStore store) : OnEveryStore(store)
{
    private static void Workflows(IServiceCollection services) => services.AddWorkflow<SyncQueueWorkflow>().AddWorkflow<DefaultQueueWorkflow>();

    [Fact]
    public async Task A_paused_queue_is_claimed_by_no_worker_until_it_is_resumed()
    {
        await using var a = await WorkerHost.StartAsync(Database, Workflows, w => (w.WorkerId, w.Concurrency) = ("worker-a", 1));
        await using var b = await WorkerHost.StartAsync(Database, Workflows, w => (w.WorkerId, w.Concurrency) = ("worker-b", 1));
        var queues = a.Services.GetRequiredService<IWorkflowQueues>();
        await Eventually.TrueAsync(async () => (await queues.ListAsync()).Any(q => q.Name == "sync"), "the workers registered the queue sync");

        await queues.PauseAsync("sync");
        var paused = new List<WorkflowRun<int>>();
        for (var i = 0; i < 5; i++)
        {
            paused.Add(await a.Client.StartSyncQueueWorkflowAsync(i, new StartOptions { Priority = StartOptions.MaxPriority }));
        }

        var dueTimes = await DueTimesAsync(a, paused);

        // Both workers go on claiming the default queue's runs, of a lower priority, while the paused runs stay.
        var n = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                await (n++ % 2 == 0 ? a : b).Client.StartDefaultQueueWorkflowAsync(n);
                return await ClaimedByAsync("worker-a", "queued-default") > 0 && await ClaimedByAsync("worker-b", "queued-default") > 0;
            },
            "both workers claimed runs of the default queue");

        Assert.Equal(0, await Database.History.CountAsync("attempts", "run_id IN (SELECT id FROM {schema}.runs WHERE queue = 'sync')"));
        Assert.Equal(dueTimes, await DueTimesAsync(a, paused));
        Assert.All(await Task.WhenAll(paused.Select(r => Database.History.StatusAsync(r.Id))), s => Assert.Equal(("pending", 0), s));
        Assert.True((await queues.ListAsync()).Single(q => q.Name == "sync") is { Paused: true, Due: 5 });

        await b.Services.GetRequiredService<IWorkflowQueues>().ResumeAsync("sync");

        foreach (var run in paused)
        {
            await run.WaitAsync(Eventually.Limit);
        }
    }

    [Fact]
    public async Task A_worker_claims_only_from_the_queues_it_serves()
    {
        await using var sync = await WorkerHost.StartAsync(Database, Workflows, w =>
        {
            w.WorkerId = "sync-worker";
            w.Queues = ["sync"];
        });
        await using var rest = await WorkerHost.StartAsync(Database, Workflows, w =>
        {
            w.WorkerId = "default-worker";
            w.Queues = ["default"];
        });

        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 10; i++)
        {
            runs.Add(await sync.Client.StartSyncQueueWorkflowAsync(i));
            runs.Add(await sync.Client.StartDefaultQueueWorkflowAsync(i));
        }

        foreach (var run in runs)
        {
            await run.WaitAsync(Eventually.Limit);
        }

        Assert.Equal(10, await ClaimedByAsync("sync-worker", "queued-sync"));
        Assert.Equal(10, await ClaimedByAsync("default-worker", "queued-default"));
        Assert.Equal(20, await Database.History.CountAsync("attempts"));
    }

    [Fact]
    public async Task A_worker_serving_every_queue_registers_the_queues_of_its_workflows()
    {
        await using var host = await WorkerHost.StartAsync(Database, Workflows);
        var queues = host.Services.GetRequiredService<IWorkflowQueues>();

        await Eventually.TrueAsync(async () => (await queues.ListAsync()).Select(q => q.Name).SequenceEqual(["default", "sync"]), "the worker registered default and sync");

        Assert.All(await queues.ListAsync(), q => Assert.Equal((false, 0L, 0L), (q.Paused, q.Due, q.Running)));
        await Assert.ThrowsAsync<QueueNotFoundException>(() => queues.PauseAsync("exports"));
        await Assert.ThrowsAsync<ArgumentException>(() => queues.PauseAsync("two words"));
    }

    private Task<long> ClaimedByAsync(string worker, string workflow) =>
        Database.History.CountAsync("attempts", "worker = @worker AND run_id IN (SELECT id FROM {schema}.runs WHERE workflow = @workflow)", new { worker, workflow });

    private static async Task<DateTimeOffset?[]> DueTimesAsync(WorkerHost host, IEnumerable<WorkflowRun<int>> runs) =>
        await Task.WhenAll(runs.Select(async r => (await host.Client.GetRunAsync(r.Id))!.NextAttemptAt));
}

public sealed class PostgresQueuePauseTests() : QueuePauseTests(TestStore.Postgres);

public sealed class SqliteQueuePauseTests() : QueuePauseTests(TestStore.Sqlite);
