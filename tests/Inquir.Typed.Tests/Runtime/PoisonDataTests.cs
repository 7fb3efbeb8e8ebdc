using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class PoisonDataTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task An_input_that_no_longer_decodes_fails_its_run_with_a_reason_and_leaves_other_runs_alone()
    {
        var log = new StepLog();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);
        var poisoned = await host.Client.StartAsync(OrderWorkflow.InquirDescriptor, """{"OrderId":"not a number","Amount":1}""");
        var healthy = await host.Client.StartOrderWorkflowAsync(new OrderRequest(9, 1m));

        await using var worker = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddWorkflow<OrderWorkflow>());

        Assert.Equal("order 9: 1.20 charged as ch_" + healthy.Id.ToString("D") + ":Charge", (await healthy.WaitAsync(Eventually.Limit)).Text);
        var failed = new WorkflowRun<OrderReceipt>(worker.Client, poisoned.Id, false, OrderWorkflow.InquirDescriptor.ResultSerializer);
        var error = await Assert.ThrowsAsync<WorkflowFailedException>(() => failed.WaitAsync(Eventually.Limit));
        Assert.Contains("failed permanently", error.Run.Error);
        Assert.Contains("cannot be read as Inquir.Typed.Tests.Workflows.OrderRequest", error.Run.Error);
        Assert.Equal(0, log.Executions(poisoned.Id, "Price"));
    }

    [Fact]
    public async Task A_run_of_a_workflow_this_deployment_does_not_know_is_left_for_one_that_does()
    {
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);
        var foreign = await host.Client.StartAsync("order", """{"OrderId":1,"Amount":1}""");

        await using var worker = await WorkerHost.StartAsync(Database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());
        var flaky = await worker.Client.StartFlakyWorkflowAsync(1);
        await flaky.WaitAsync(Eventually.Limit);

        Assert.Equal(("pending", 0), await Database.History.StatusAsync(foreign.Id));
    }

    [Fact]
    public async Task A_checkpoint_that_no_longer_decodes_fails_its_run_at_the_step_that_reads_it_and_leaves_other_runs_alone()
    {
        var log = new StepLog();
        var poisoned = await StartStoppedAtSecondStepAsync(log, stepName: "Second", checkpointJson: "\"no longer an int\"");

        var (healthy, worker) = await RunHealthyAlongsideAsync(log);
        await using (worker)
        {
            var error = await WaitForFailureAsync(worker, poisoned);
            Assert.Contains("step 'Second' failed permanently on attempt 1", error);
            Assert.Contains("cannot be read as System.Int32", error);
            Assert.Equal(0, log.Executions(poisoned, "Second"));
            Assert.Equal(35, await healthy.WaitAsync(Eventually.Limit));
        }
    }

    [Fact]
    public async Task A_run_at_a_step_this_deployment_does_not_have_is_left_pending_for_a_worker_that_knows_it_and_reported()
    {
        var log = new StepLog();
        var renamed = await StartStoppedAtSecondStepAsync(log, stepName: "Validate", checkpointJson: "2");

        var (healthy, worker) = await RunHealthyAlongsideAsync(log);
        await using (worker)
        {
            Assert.Equal(35, await healthy.WaitAsync(Eventually.Limit));
            var waiting = await WaitForReportAsync(worker, renamed);
            Assert.Equal("waiting for a worker that knows step 'Validate' (step 2) of workflow 'gate'; a worker of another deployment does not run it", waiting.Error);
            Assert.Equal((RunStatus.Pending, 0), (waiting.Status, waiting.Attempt));
            Assert.Equal(0, log.Executions(renamed, "Second"));
            Assert.Equal(0, await Database.History.CountAsync("attempts", "run_id = @renamed", new { renamed }));
        }
    }

    [Fact]
    public async Task A_run_past_the_last_step_of_this_deployment_is_left_pending_and_reported_with_its_step_number()
    {
        var log = new StepLog();
        var beyond = await StartStoppedAtSecondStepAsync(log, stepName: "Fourth", checkpointJson: "2");
        await Database.History.ExecuteAsync("UPDATE {schema}.runs SET step_index = 3 WHERE id = @id; UPDATE {schema}.checkpoints SET step_index = 2 WHERE run_id = @id", new { id = beyond });

        var (healthy, worker) = await RunHealthyAlongsideAsync(log);
        await using (worker)
        {
            Assert.Equal(35, await healthy.WaitAsync(Eventually.Limit));
            var waiting = await WaitForReportAsync(worker, beyond);
            Assert.StartsWith("waiting for a worker that knows step 'Fourth' (step 4) of workflow 'gate'", waiting.Error, StringComparison.Ordinal);
            Assert.Equal(RunStatus.Pending, waiting.Status);
        }
    }

    // A run of the gate workflow whose first step is checkpointed with checkpointJson and which waits at step 2 under stepName.
    private async Task<Guid> StartStoppedAtSecondStepAsync(StepLog log, string stepName, string checkpointJson)
    {
        await using var producer = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddSingleton(new StepGate()).AddWorkflow<GateWorkflow>(), w => w.Enabled = false);
        var run = await producer.Client.StartGateWorkflowAsync(1);
        await Database.History.ExecuteAsync("UPDATE {schema}.runs SET step_index = 1, step_name = @stepName WHERE id = @id", new { id = run.Id, stepName });
        await Database.History.InsertCheckpointAsync(run.Id, 0, "First", checkpointJson, 1);
        return run.Id;
    }

    private async Task<(WorkflowRun<int> Healthy, WorkerHost Worker)> RunHealthyAlongsideAsync(StepLog log)
    {
        var worker = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddSingleton(new StepGate { Closed = false }).AddWorkflow<GateWorkflow>());
        return (await worker.Client.StartGateWorkflowAsync(2), worker);
    }

    private static async Task<RunInfo> WaitForReportAsync(WorkerHost worker, Guid runId)
    {
        RunInfo? info = null;
        await Eventually.TrueAsync(async () => (info = await worker.Client.GetRunAsync(runId))?.Error is not null, "the worker to report the run it cannot run");
        return info!;
    }

    private static async Task<string?> WaitForFailureAsync(WorkerHost worker, Guid runId)
    {
        var run = new WorkflowRun<int>(worker.Client, runId, false, GateWorkflow.InquirDescriptor.ResultSerializer);
        return (await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit))).Run.Error;
    }
}

public sealed class PostgresPoisonDataTests() : PoisonDataTests(TestStore.Postgres);

public sealed class SqlitePoisonDataTests() : PoisonDataTests(TestStore.Sqlite);
