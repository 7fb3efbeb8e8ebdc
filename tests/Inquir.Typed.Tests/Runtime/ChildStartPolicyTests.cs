using Inquir.Typed.Tests.Workflows;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>A step's child starts: a derived key is held for ever, whatever policy the child's workflow or the start names.</summary>
public sealed class ChildStartPolicyTests
{
    [Fact]
    public async Task A_derived_key_is_forever_unique_and_a_key_of_the_step_s_own_keeps_its_policy()
    {
        var inner = new RecordingClient();
        var child = new ChildWorkflowClient(inner, Guid.NewGuid(), "step-key");

        await child.StartAsync(ReindexWorkflow.InquirDescriptor, "{}", new StartOptions { Policy = StartPolicy.UniqueWhileActive });
        await child.StartAsync(ReindexWorkflow.InquirDescriptor, "{}", new StartOptions { IdempotencyKey = "own", Policy = StartPolicy.UniqueWhileActive });
        await child.StartAsync(ReindexWorkflow.InquirDescriptor, "{}", new StartOptions { IdempotencyKey = "own-default" });

        Assert.Equal(
            [("step-key:reindex:1", StartPolicy.ForeverUnique), ("own", StartPolicy.UniqueWhileActive), ("own-default", null)],
            inner.Starts.Select(o => (o.IdempotencyKey, o.Policy)));
    }

    private sealed class RecordingClient : IWorkflowClient
    {
        public List<StartOptions> Starts { get; } = [];

        public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
        {
            Starts.Add(options!);
            return Task.FromResult(new StartedRun(Guid.NewGuid(), Created: true));
        }

        public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => Task.FromResult<RunInfo?>(null);
    }
}
