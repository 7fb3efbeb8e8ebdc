using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// The idempotency key of a child started without one: the parent step's key, the child's workflow and the
/// ordinal of the start among that step's starts of that workflow.
/// </summary>
public sealed class ChildKeyTests
{
    private static readonly Guid Parent = Guid.Parse("01a2224b-94a5-770d-9978-2ca6aa4f5707");

    [Fact]
    public async Task A_retry_that_no_longer_starts_a_child_of_another_workflow_gets_the_same_run_of_the_next_child_back()
    {
        var schema = TestDatabase.NewSchema();
        var log = new StepLog
        {
            FailWhen = ctx => ctx.WorkflowName == "skipping-parent" && ctx.Attempt == 1 ? new InvalidOperationException("after both children started") : null,
        };
        await using var host = await WorkerHost.StartAsync(
            schema, s => s.AddSingleton(log).AddWorkflow<SkippingParentWorkflow>().AddWorkflow<DoublingWorkflow>().AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartSkippingParentWorkflowAsync(1);
        var flakyChild = await run.WaitAsync(Eventually.Limit);

        Assert.Equal(2, log.Executions(run.Id, "Spawn"));
        var history = new History(schema);
        Assert.Equal(1, await history.CountAsync("runs", "parent_run_id = @id AND workflow = 'flaky'", new { id = run.Id }));
        Assert.Equal($"{run.Id:D}:Spawn:flaky:1", (await host.Client.GetRunAsync(flakyChild))!.IdempotencyKey);
    }

    [Fact]
    public async Task Each_child_workflow_counts_its_own_starts()
    {
        var inner = new RecordingClient();
        var children = new ChildWorkflowClient(inner, Parent, "run:Step");

        await children.StartAsync("a", "1");
        await children.StartAsync("b", "1");
        await children.StartAsync("a", "1");
        await children.StartAsync("b", "1");

        Assert.Equal(["run:Step:a:1", "run:Step:b:1", "run:Step:a:2", "run:Step:b:2"], inner.Keys);
        Assert.All(inner.Starts, s => Assert.Equal(Parent, s.ParentRunId));
    }

    [Fact]
    public async Task A_start_with_its_own_key_keeps_it_and_does_not_shift_the_derived_keys_after_it()
    {
        var inner = new RecordingClient();
        var children = new ChildWorkflowClient(inner, Parent, "run:Step");

        await children.StartAsync("a", "1", new StartOptions { IdempotencyKey = "invoice:42" });
        await children.StartAsync("a", "1");

        Assert.Equal(["invoice:42", "run:Step:a:1"], inner.Keys);
    }

    /// <summary>Records what the child client passes on; the keys are the subject here, not the database.</summary>
    private sealed class RecordingClient : IWorkflowClient
    {
        public List<StartOptions> Starts { get; } = [];

        public IEnumerable<string?> Keys => Starts.Select(s => s.IdempotencyKey);

        public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            StartAsync(descriptor.Name, inputJson, options, cancellationToken);

        public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            Starts.Add(options!);
            return Task.FromResult(new StartedRun(Guid.NewGuid(), true));
        }

        public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => Task.FromResult<RunInfo?>(null);
    }
}
