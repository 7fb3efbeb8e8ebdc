using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// Children, durably awaited, through the worker: a parent waits without a slot, goes on with its children's results
/// in start order, fails its step when a child fails, goes on after the child and then the parent are replayed, and
/// cancels its waiting children when cancelled. Once per store.
/// </summary>
public abstract class ChildWaitTests(TestStore store) : OnEveryStore(store)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_fan_out_takes_its_children_s_results_in_start_order()
    {
        await using var host = await StartAsync(new PartSwitch());
        var client = host.Services.GetRequiredService<IWorkflowClient>();

        var run = await client.StartFanOutWorkflowAsync(5);

        Assert.Equal([0, 10, 20, 30, 40], await run.WaitAsync(Long));
    }

    [Fact]
    public async Task A_step_returning_one_child_hands_its_result_to_the_next_step()
    {
        await using var host = await StartAsync(new PartSwitch());
        var client = host.Services.GetRequiredService<IWorkflowClient>();

        var run = await client.StartOneChildWorkflowAsync(4);

        Assert.Equal("child said 40", await run.WaitAsync(Long));
    }

    [Fact]
    public async Task A_fan_out_of_no_children_goes_on_at_once_with_an_empty_list()
    {
        await using var host = await StartAsync(new PartSwitch());
        var client = host.Services.GetRequiredService<IWorkflowClient>();

        var run = await client.StartFanOutWorkflowAsync(0);

        Assert.Empty(await run.WaitAsync(Long));
    }

    [Fact]
    public async Task Sixty_four_parents_fanning_out_to_ten_children_each_finish_on_four_slots()
    {
        await using var host = await StartAsync(new PartSwitch(), concurrency: 4);
        var client = host.Services.GetRequiredService<IWorkflowClient>();

        var runs = new List<WorkflowRun<IReadOnlyList<int>>>();
        for (var i = 0; i < 64; i++)
        {
            runs.Add(await client.StartFanOutWorkflowAsync(10, idempotencyKey: "fan:" + i));
        }

        var expected = Enumerable.Range(0, 10).Select(p => p * 10).ToArray();
        foreach (var run in runs)
        {
            Assert.Equal(expected, await run.WaitAsync(Long));
        }
    }

    [Fact]
    public async Task A_failed_child_fails_the_waiting_step_permanently_naming_the_child()
    {
        var parts = new PartSwitch { Fail = true };
        await using var host = await StartAsync(parts);
        var client = host.Services.GetRequiredService<IWorkflowClient>();

        var run = await client.StartOneChildWorkflowAsync(3);
        var failed = await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Long));

        var child = Assert.Single(await ChildrenAsync(host, run.Id));
        Assert.Equal(RunStatus.Failed, child.Status);
        var error = failed.Run.Error!;
        Assert.Contains("failed permanently on attempt 2", error, StringComparison.Ordinal);
        Assert.Contains(nameof(ChildWorkflowFailedException), error, StringComparison.Ordinal);
        Assert.Contains(child.Id.ToString("D"), error, StringComparison.Ordinal);
        Assert.Contains("'fan-part'", error, StringComparison.Ordinal);
        Assert.Contains("part 3 broke", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_child_that_then_succeeds_lets_the_replayed_parent_go_on()
    {
        var parts = new PartSwitch { Fail = true };
        await using var host = await StartAsync(parts);
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        var history = host.Services.GetRequiredService<IWorkflowHistory>();
        var run = await client.StartOneChildWorkflowAsync(2);
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Long));
        var child = Assert.Single(await ChildrenAsync(host, run.Id));

        parts.Fail = false;
        await history.ReplayAsync(child.Id);
        await Eventually.TrueAsync(async () => (await client.GetRunAsync(child.Id))!.Status == RunStatus.Succeeded, "the replayed child succeeds", Long);
        await history.ReplayAsync(run.Id);

        Assert.Equal("child said 20", await run.WaitAsync(Long));
        Assert.Single(await ChildrenAsync(host, run.Id));
    }

    [Fact]
    public async Task Cancelling_a_waiting_parent_cancels_its_children_and_counts_each_cancelled_run()
    {
        using var log = new Telemetry.MeasurementLog();
        var gate = new HoldingGate();
        await using var host = await StartAsync(new PartSwitch(), services: s => s.AddSingleton(gate).AddWorkflow<HeldPartWorkflow>().AddWorkflow<HeldFanOutWorkflow>());
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        var history = host.Services.GetRequiredService<IWorkflowHistory>();
        var run = await client.StartHeldFanOutWorkflowAsync(3);
        await Eventually.TrueAsync(async () => (await client.GetRunAsync(run.Id))!.Status == RunStatus.Waiting, "the parent waits", Long);

        await history.CancelAsync(run.Id, "not needed");
        gate.Release();

        await Eventually.TrueAsync(
            async () => (await ChildrenAsync(host, run.Id)).All(c => c.Status == RunStatus.Cancelled), "every child is cancelled", Long);
        Assert.Equal(RunStatus.Cancelled, (await client.GetRunAsync(run.Id))!.Status);

        // At least: the other store's copy of this test may cancel its own at the same time, into the same meter.
        Assert.True(CancelledCount(log, "held-part") >= 3, $"cancelled children counted: {CancelledCount(log, "held-part")}");
        Assert.True(CancelledCount(log, "held-fan-out") >= 1, "the cancelled parent was not counted");
    }

    private static double CancelledCount(Telemetry.MeasurementLog log, string workflow) =>
        log.Of("inquir.runs.finished", "inquir.workflow", workflow).Where(m => (string?)m.Tags["inquir.status"] == "cancelled").Sum(m => m.Value);

    private Task<WorkerHost> StartAsync(PartSwitch parts, int concurrency = 16, Action<IServiceCollection>? services = null) =>
        WorkerHost.StartAsync(Database, s => Register(s, parts, services), w => w.Concurrency = concurrency);

    private static async Task<IReadOnlyList<RunInfo>> ChildrenAsync(WorkerHost host, Guid parent) =>
        (await host.Services.GetRequiredService<IWorkflowHistory>().GetAsync(parent))!.Children;

    private static void Register(IServiceCollection services, PartSwitch parts, Action<IServiceCollection>? more)
    {
        services.AddSingleton(parts).AddWorkflow<PartWorkflow>().AddWorkflow<FanOutWorkflow>().AddWorkflow<OneChildWorkflow>();
        more?.Invoke(services);
    }
}

public sealed class PostgresChildWaitTests() : ChildWaitTests(TestStore.Postgres);

public sealed class SqliteChildWaitTests() : ChildWaitTests(TestStore.Sqlite);
