using Inquir.Typed.Generated;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// The idempotency key of a child started without one: the parent step's key, the child's workflow and the
/// ordinal of the start among that step's starts of that workflow.
/// </summary>
public abstract class ChildKeyTests(TestStore store) : OnEveryStore(store)
{
    private static readonly Guid Parent = Guid.Parse("01a2224b-94a5-770d-9978-2ca6aa4f5707");

    [Fact]
    public async Task A_retry_that_no_longer_starts_a_child_of_another_workflow_gets_the_same_run_of_the_next_child_back()
    {
        var log = new StepLog
        {
            FailWhen = ctx => ctx.WorkflowName == "skipping-parent" && ctx.Attempt == 1 ? new InvalidOperationException("after both children started") : null,
        };
        await using var host = await WorkerHost.StartAsync(
            Database, s => s.AddSingleton(log).AddWorkflow<SkippingParentWorkflow>().AddWorkflow<DoublingWorkflow>().AddWorkflow<FlakyWorkflow>());

        var run = await host.Client.StartSkippingParentWorkflowAsync(1);
        var flakyChild = await run.WaitAsync(Eventually.Limit);

        Assert.Equal(2, log.Executions(run.Id, "Spawn"));
        var history = Database.History;
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

    [Fact]
    public async Task A_step_returning_a_run_its_key_found_started_by_another_parent_fails_permanently_at_once()
    {
        var elsewhere = new RunInfo
        {
            Id = Guid.NewGuid(), Workflow = "a", Status = RunStatus.Running, CurrentStepIndex = 0, Attempt = 1, Input = "1",
            ParentRunId = Guid.NewGuid(), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        var children = new ChildWorkflowClient(new RecordingClient { Existing = elsewhere }, Parent, "run:Step");
        var step = new StepDescriptor("Step", new StepPolicy(3, BackoffKind.None, TimeSpan.Zero, TimeSpan.Zero, null), (_, _, _, _) => ValueTask.FromResult("null"), awaits: ChildAwait.One);

        var run = await children.StartAsync("a", "1", new StartOptions { IdempotencyKey = "invoice:42" });
        var refused = Assert.Throws<PermanentFailureException>(() => ChildResults.FromHandles(step, $"[\"{run.Id:D}\"]", children, TimeSpan.Zero));

        Assert.Equal(elsewhere.Id, run.Id);
        Assert.Contains("not a child of this run", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_may_await_the_run_its_key_found_when_that_run_is_its_own_child_from_an_earlier_attempt()
    {
        var earlier = new RunInfo
        {
            Id = Guid.NewGuid(), Workflow = "a", Status = RunStatus.Running, CurrentStepIndex = 0, Attempt = 1, Input = "1",
            ParentRunId = Parent, CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        var children = new ChildWorkflowClient(new RecordingClient { Existing = earlier }, Parent, "run:Step");
        var step = new StepDescriptor("Step", new StepPolicy(3, BackoffKind.None, TimeSpan.Zero, TimeSpan.Zero, null), (_, _, _, _) => ValueTask.FromResult("null"), awaits: ChildAwait.One);

        var run = await children.StartAsync("a", "1", new StartOptions { IdempotencyKey = "invoice:42" });

        Assert.Equal([earlier.Id], ChildResults.FromHandles(step, $"[\"{run.Id:D}\"]", children, TimeSpan.Zero).AwaitedRuns);
    }

    /// <summary>Records what the child client passes on; the keys are the subject here, not the database.</summary>
    private sealed class RecordingClient : IWorkflowClient
    {
        public List<StartOptions> Starts { get; } = [];

        /// <summary>A run the key finds already started (the start then creates nothing), or null.</summary>
        public RunInfo? Existing { get; init; }

        public IEnumerable<string?> Keys => Starts.Select(s => s.IdempotencyKey);

        public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            StartAsync(descriptor.Name, inputJson, options, cancellationToken);

        public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            Starts.Add(options!);
            return Task.FromResult(Existing is { } existing ? new StartedRun(existing.Id, false) : new StartedRun(Guid.NewGuid(), true));
        }

        public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => Task.FromResult(Existing?.Id == runId ? Existing : null);
    }
}

public sealed class PostgresChildKeyTests() : ChildKeyTests(TestStore.Postgres);

public sealed class SqliteChildKeyTests() : ChildKeyTests(TestStore.Sqlite);
