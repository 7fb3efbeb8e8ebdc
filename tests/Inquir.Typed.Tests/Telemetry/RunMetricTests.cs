using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Telemetry;

/// <summary>The run counters and the queue-wait histogram through a <see cref="System.Diagnostics.Metrics.MeterListener"/>, once per store.</summary>
public abstract class RunMetricTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_committed_cancel_counts_a_cancelled_run_of_its_workflow()
    {
        using var log = new MeasurementLog();
        await using var host = await StartHostAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<CancelCountedWorkflow>());
        var run = await host.Client.StartAsync("cancel-counted", "1", new StartOptions { Delay = TimeSpan.FromDays(1) });

        await host.History.CancelAsync(run.Id, "not needed");

        var cancelled = Assert.Single(log.Of("inquir.runs.finished", "inquir.status", "cancelled"), m => (string?)m.Tags["inquir.workflow"] == "cancel-counted");
        Assert.Equal(("{run}", 1d), (cancelled.Unit, cancelled.Value));
    }

    [Fact]
    public async Task A_refused_cancel_is_not_counted()
    {
        using var log = new MeasurementLog();
        await using var host = await StartHostAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<CancelCountedWorkflow>());
        var run = await host.Client.StartAsync("cancel-counted", "1", new StartOptions { Delay = TimeSpan.FromDays(1) });
        await host.History.CancelAsync(run.Id);

        await Assert.ThrowsAsync<RunStateException>(() => host.History.CancelAsync(run.Id));

        Assert.Single(log.Of("inquir.runs.finished", "inquir.status", "cancelled"), m => (string?)m.Tags["inquir.workflow"] == "cancel-counted");
    }

    [Fact]
    public async Task Runs_are_counted_started_and_succeeded_and_the_wait_for_their_claim_is_recorded()
    {
        using var log = new MeasurementLog();
        await using var host = await StartHostAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await run.WaitAsync(Eventually.Limit);

        Assert.NotEmpty(log.Of("inquir.runs.started", "inquir.workflow", "flaky"));
        Assert.Contains(log.Of("inquir.runs.finished", "inquir.workflow", "flaky"), m => (string?)m.Tags["inquir.status"] == "succeeded");
        var wait = log.Of("inquir.steps.queue_wait_time", "inquir.workflow", "flaky").First();
        Assert.Equal(("s", "Work"), (wait.Unit, (string?)wait.Tags["inquir.step"]));
        Assert.True(wait.Value >= 0, $"the wait is {wait.Value} s");
    }

    private Task<WorkerHost> StartHostAsync(Action<IServiceCollection> services) => WorkerHost.StartAsync(NewDatabase(), services);
}

public sealed class PostgresRunMetricTests() : RunMetricTests(TestStore.Postgres);

public sealed class SqliteRunMetricTests() : RunMetricTests(TestStore.Sqlite);
