using Inquir.Typed.Storage;

namespace Inquir.Typed;

/// <summary>Reads and switches the queues stored in the database; the claim of every worker reads the pause switch.</summary>
internal sealed class WorkflowQueues(IHistoryStore store, SchemaReadiness schema, TimeProvider time) : IWorkflowQueues
{
    private readonly DatabaseClock _clock = new(time);

    public async Task<IReadOnlyList<QueueInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await store.ListQueuesAsync(_clock.Now, cancellationToken).ConfigureAwait(false);
        return rows.Select(QueueRow.ToInfo).ToList();
    }

    public Task PauseAsync(string name, CancellationToken cancellationToken = default) => SetPausedAsync(name, true, cancellationToken);

    public Task ResumeAsync(string name, CancellationToken cancellationToken = default) => SetPausedAsync(name, false, cancellationToken);

    private async Task SetPausedAsync(string name, bool paused, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!QueueName.IsValid(name))
        {
            throw new ArgumentException($"'{name}' is not a queue name: a queue name is {QueueName.Rule}.", nameof(name));
        }

        await schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        if (!await store.SetQueuePausedAsync(new SetQueuePausedRequest(name, paused, _clock.Now), cancellationToken).ConfigureAwait(false))
        {
            throw new QueueNotFoundException(name, nameof(name));
        }
    }
}
