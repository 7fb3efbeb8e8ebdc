namespace Inquir.Typed;

/// <summary>The run an event is sent to: by its id, or the run of a workflow that holds an idempotency key.</summary>
public sealed class EventTarget
{
    private EventTarget(Guid? runId, string? workflow, string? idempotencyKey)
    {
        RunId = runId;
        Workflow = workflow;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The run's id, when the target is named by it.</summary>
    public Guid? RunId { get; }

    /// <summary>
    /// The run's workflow: with <see cref="IdempotencyKey"/> it names the run; with <see cref="RunId"/> the run must
    /// be a run of it (a typed sender sets it); <see langword="null"/> for any.
    /// </summary>
    public string? Workflow { get; }

    /// <summary>The idempotency key the run was started with, when the target is named by it.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The run with this id.</summary>
    public static EventTarget Run(Guid runId) => new(runId, null, null);

    /// <summary>The run with this id, which must be a run of <paramref name="workflow"/>.</summary>
    /// <exception cref="ArgumentException">The workflow name is empty.</exception>
    public static EventTarget Run(Guid runId, string workflow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        return new(runId, workflow, null);
    }

    /// <summary>The run of <paramref name="workflow"/> started with <paramref name="idempotencyKey"/>.</summary>
    /// <exception cref="ArgumentException">The workflow name or the key is empty.</exception>
    public static EventTarget Key(string workflow, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        return new(null, workflow, idempotencyKey);
    }

    /// <summary>The target as messages name it.</summary>
    public override string ToString() => RunId is { } id
        ? $"run {id:D}"
        : $"the run of workflow '{Workflow}' with idempotency key '{IdempotencyKey}'";
}
