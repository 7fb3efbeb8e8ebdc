using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class GracefulShutdownTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_step_that_ends_within_the_grace_period_is_committed_and_the_run_is_handed_back_at_its_next_step()
    {
        var log = new StepLog();
        var gate = new StepGate();
        var worker = await WorkerHost.StartAsync(
            Database, s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>(), w => w.ShutdownGracePeriod = TimeSpan.FromMinutes(5));
        var run = await worker.Client.StartGateWorkflowAsync(1);
        await gate.Arrived.WaitAsync(Eventually.Limit);

        // The stop waits for the step; the step ends while the host is stopping.
        var stopping = worker.DisposeAsync().AsTask();
        gate.Open();
        await stopping.WaitAsync(Eventually.Limit);

        var history = Database.History;
        Assert.Equal(["First", "Second"], (await history.CheckpointsAsync(run.Id)).Select(c => c.StepName));
        Assert.Equal(["succeeded", "succeeded"], (await history.AttemptsAsync(run.Id)).Where(a => a.StepName != "Third").Select(a => a.Outcome));
        Assert.Equal(("pending", 0), await history.StatusAsync(run.Id));
        Assert.Equal(0, await history.CountAsync("runs", "lease_owner IS NOT NULL OR lease_token IS NOT NULL"));
        Assert.Equal(0, log.Executions(run.Id, "Third"));

        await using var next = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddSingleton(gate).AddWorkflow<GateWorkflow>());
        Assert.Equal(25, await new WorkflowRun<int>(next.Client, run.Id, false, GateWorkflow.InquirDescriptor.ResultSerializer).WaitAsync(Eventually.Limit));
        Assert.Equal(1, log.Executions(run.Id, "Second"));
    }
}

public sealed class PostgresGracefulShutdownTests() : GracefulShutdownTests(TestStore.Postgres);

public sealed class SqliteGracefulShutdownTests() : GracefulShutdownTests(TestStore.Sqlite);
