using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>Lease and due times come from the database's clock: workers whose clocks disagree never take each other's runs.</summary>
public sealed class ClockSkewTests
{
    [Fact]
    public async Task A_worker_whose_clock_is_40_seconds_ahead_takes_no_live_run_from_another_worker()
    {
        var schema = TestDatabase.NewSchema();
        var effects = new SideEffects(TestDatabase.ConnectionString, schema);
        var lease = TimeSpan.FromSeconds(4);
        await using var local = await WorkerHost.StartAsync(schema, s => s.AddSingleton(effects).AddWorkflow<SlowWorkflow>(), w =>
        {
            w.LeaseDuration = lease;

            // Two at a time, 2 s a step: alone it would need 30 s for the 30 runs, so the skewed worker, however slowly
            // it boots on a loaded machine, finds runs left to claim beside the local worker's live ones.
            w.Concurrency = 2;
        });
        await effects.CreateTableAsync();
        using var ahead = SkewedWorkerProcess.Start(schema, TimeSpan.FromSeconds(40), lease);

        // On a loaded machine the process can take longer to start than the local worker takes to run every run.
        await ahead.StartedAsync();

        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 30; i++)
        {
            runs.Add(await local.Client.StartSlowWorkflowAsync(i));
        }

        foreach (var (run, i) in runs.Select((r, i) => (r, i)))
        {
            Assert.Equal(i + 1, await run.WaitAsync(Eventually.Limit));
        }

        Assert.False(ahead.HasExited, "the worker whose clock is ahead exited");
        var history = new History(schema);
        foreach (var run in runs)
        {
            Assert.Equal(1, await effects.ExecutionsAsync(run.Id, "Crawl"));
        }

        Assert.Equal(0, await history.CountAsync("attempts", "outcome <> 'succeeded'"));

        // The worker whose clock is ahead did take part: it ran some of the steps.
        Assert.True(await history.CountAsync("attempts", "worker NOT LIKE @local", new { local = $"%:{Environment.ProcessId}:%" }) > 0);
    }
}
