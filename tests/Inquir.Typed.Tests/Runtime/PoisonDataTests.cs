using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public sealed class PoisonDataTests
{
    [Fact]
    public async Task An_input_that_no_longer_decodes_fails_its_run_with_a_reason_and_leaves_other_runs_alone()
    {
        var schema = TestDatabase.NewSchema();
        var log = new StepLog();
        await using var host = await WorkerHost.StartAsync(schema, s => s.AddSingleton(log).AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);
        var poisoned = await host.Client.StartAsync(OrderWorkflow.InquirDescriptor, """{"OrderId":"not a number","Amount":1}""");
        var healthy = await host.Client.StartOrderWorkflowAsync(new OrderRequest(9, 1m));

        await using var worker = await WorkerHost.StartAsync(schema, s => s.AddSingleton(log).AddWorkflow<OrderWorkflow>());

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
        var schema = TestDatabase.NewSchema();
        await using var host = await WorkerHost.StartAsync(schema, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddWorkflow<OrderWorkflow>(), w => w.Enabled = false);
        var foreign = await host.Client.StartAsync("order", """{"OrderId":1,"Amount":1}""");

        await using var worker = await WorkerHost.StartAsync(schema, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>());
        var flaky = await worker.Client.StartFlakyWorkflowAsync(1);
        await flaky.WaitAsync(Eventually.Limit);

        Assert.Equal(("pending", 0), await new History(schema).StatusAsync(foreign.Id));
    }
}
