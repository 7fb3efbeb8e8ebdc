namespace Inquir.Typed;

/// <summary>
/// The client a step sees as <see cref="StepContext.Workflows"/>: every run it starts is a child of the step's run,
/// and a start without a key gets one derived from the step's key and the order of starts, so that a retried
/// step that starts the same children in the same order gets the same runs back instead of new ones.
/// </summary>
internal sealed class ChildWorkflowClient(IWorkflowClient inner, Guid parentRunId, string stepIdempotencyKey) : IWorkflowClient
{
    private int _starts;

    public Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return inner.StartAsync(descriptor, inputJson, AsChild(descriptor.Name, options), cancellationToken);
    }

    public Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        return inner.StartAsync(workflowName, inputJson, AsChild(workflowName, options), cancellationToken);
    }

    public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetRunAsync(runId, cancellationToken);

    private StartOptions AsChild(string workflowName, StartOptions? options)
    {
        var sequence = Interlocked.Increment(ref _starts);
        return new StartOptions
        {
            IdempotencyKey = options?.IdempotencyKey ?? $"{stepIdempotencyKey}:{workflowName}:{sequence}",
            RunAt = options?.RunAt,
            Delay = options?.Delay,
            Transaction = options?.Transaction,
            ParentRunId = parentRunId,
        };
    }
}
