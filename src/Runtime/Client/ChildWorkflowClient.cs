namespace Inquir.Typed;

/// <summary>
/// The client a step sees as <see cref="StepContext.Workflows"/>: every run it starts is a child of the step's run,
/// and a start without a key gets <c>"{step key}:{child workflow}:{n}"</c>, n counting this attempt's starts of that
/// workflow from 1. A retried step that starts the children of each workflow in the same order gets the same runs
/// back, even when it no longer starts a child of another workflow. Starts with a key of their own keep it and take
/// no ordinal (and the start policy given or the workflow's; a derived key is held for ever). It remembers the runs
/// it started, so that the runtime awaits only children of this run: a key may find a run that already existed, and
/// one that is not a child of this run (started elsewhere, or by another parent) is remembered apart, so that
/// awaiting it fails the step at once instead of waiting on a stranger's run.
/// </summary>
internal sealed class ChildWorkflowClient(IWorkflowClient inner, Guid parentRunId, string stepIdempotencyKey) : IWorkflowClient, ITypedStarts
{
    private readonly Dictionary<string, int> _startsByWorkflow = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _started = [];
    private readonly HashSet<Guid> _foundElsewhere = [];

    public async Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return await RememberAsync(await inner.StartAsync(descriptor, inputJson, AsChild(descriptor.Name, options), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StartedRun> StartAsync(string workflowName, string inputJson, StartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        return await RememberAsync(await inner.StartAsync(workflowName, inputJson, AsChild(workflowName, options), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StartedRun> StartAsync(WorkflowDescriptor descriptor, byte[] inputUtf8, StartOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return await RememberAsync(await TypedStarts.StartAsync(inner, descriptor, inputUtf8, AsChild(descriptor.Name, options), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    // One by one, as the text bulk start of this client is (IWorkflowClient's default), so that each run takes its ordinal in order.
    public async Task<IReadOnlyList<StartedRun>> StartManyAsync(WorkflowDescriptor descriptor, IReadOnlyList<TypedRunStart> runs, StartOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ManyStarts.ThrowIfSharedKey(options);
        var started = new StartedRun[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            started[i] = await StartAsync(descriptor, runs[i].Input, ManyStarts.WithKey(options, runs[i].IdempotencyKey), cancellationToken).ConfigureAwait(false);
        }

        return started;
    }

    public Task<SentEvent> SendEventJsonAsync(EventTarget target, string name, string payloadJson, string eventId, CancellationToken cancellationToken = default) =>
        inner.SendEventJsonAsync(target, name, payloadJson, eventId, cancellationToken);

    /// <summary>Whether this client started the run <paramref name="runId"/>, or found by its key a run that is a child of this run.</summary>
    public bool Started(Guid runId)
    {
        lock (_started)
        {
            return _started.Contains(runId);
        }
    }

    /// <summary>Whether a start of this client found, by its key, the run <paramref name="runId"/> that is not a child of this run.</summary>
    public bool FoundElsewhere(Guid runId)
    {
        lock (_started)
        {
            return _foundElsewhere.Contains(runId);
        }
    }

    public Task<RunInfo?> GetRunAsync(Guid runId, CancellationToken cancellationToken = default) => inner.GetRunAsync(runId, cancellationToken);

    private StartOptions AsChild(string workflowName, StartOptions? options) => new()
    {
        IdempotencyKey = options?.IdempotencyKey ?? $"{stepIdempotencyKey}:{workflowName}:{NextOrdinal(workflowName)}",
        RunAt = options?.RunAt,
        Delay = options?.Delay,
        Deadline = options?.Deadline,
        Transaction = options?.Transaction,
        ParentRunId = parentRunId,
        LimitKey = options?.LimitKey,

        // A derived key is what gives a retried step its earlier attempt's children back: it is held for ever.
        Policy = options?.IdempotencyKey is null ? StartPolicy.ForeverUnique : options.Policy,
        Priority = options?.Priority ?? 0,
    };

    // A run the key found is this run's child only when it was started as one (by an earlier attempt of the step);
    // a run that cannot be read back is not taken for one.
    private async Task<StartedRun> RememberAsync(StartedRun run, CancellationToken cancellationToken)
    {
        var child = run.Created || (await inner.GetRunAsync(run.Id, cancellationToken).ConfigureAwait(false))?.ParentRunId == parentRunId;
        lock (_started)
        {
            (child ? _started : _foundElsewhere).Add(run.Id);
        }

        return run;
    }

    // A step may start children concurrently (Task.WhenAll); their order then is the order of these calls.
    private int NextOrdinal(string workflowName)
    {
        lock (_startsByWorkflow)
        {
            var ordinal = _startsByWorkflow.GetValueOrDefault(workflowName) + 1;
            _startsByWorkflow[workflowName] = ordinal;
            return ordinal;
        }
    }
}
