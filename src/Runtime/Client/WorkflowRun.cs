using Inquir.Typed.Generated;

namespace Inquir.Typed;

/// <summary>
/// A started run whose result type is known. A step that starts a child through <see cref="StepContext.Workflows"/>
/// and returns this handle (or an <c>IReadOnlyList</c> of them) has the runtime await the child durably: the run
/// waits without holding a worker, and the next step takes the child's result. Within a step, prefer that to
/// <see cref="WaitAsync(CancellationToken)"/>, which holds the step's worker slot while it polls.
/// </summary>
/// <typeparam name="TResult">The workflow's result: its last step's output.</typeparam>
public sealed class WorkflowRun<TResult>
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    private readonly IWorkflowClient _client;
    private readonly CheckpointSerializer<TResult> _resultSerializer;

    /// <summary>Creates a handle for an existing run.</summary>
    public WorkflowRun(IWorkflowClient client, Guid id, bool created, CheckpointSerializer<TResult> resultSerializer)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resultSerializer);
        _client = client;
        Id = id;
        Created = created;
        _resultSerializer = resultSerializer;
    }

    /// <summary>The run's id.</summary>
    public Guid Id { get; }

    /// <summary><see langword="false"/> when the start found an earlier run with the same idempotency key.</summary>
    public bool Created { get; }

    /// <summary><see langword="true"/> when the start folded into the pending run holding its key (<see cref="StartPolicy.Debounce"/>), which took its input and due time.</summary>
    public bool Updated { get; init; }

    /// <summary>Reads the run's current status.</summary>
    public async Task<RunStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        (await GetInfoAsync(cancellationToken).ConfigureAwait(false)).Status;

    /// <summary>Reads the whole stored run.</summary>
    public async Task<RunInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        await _client.GetRunAsync(Id, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Run {Id} no longer exists.");

    /// <summary>Waits until the run ends and returns its result.</summary>
    /// <exception cref="WorkflowFailedException">The run failed or was cancelled.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired first.</exception>
    public async Task<TResult> WaitAsync(CancellationToken cancellationToken = default)
    {
        var delay = FirstPoll;
        while (true)
        {
            var info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
            switch (info.Status)
            {
                case RunStatus.Succeeded:
                    return _resultSerializer.Deserialize(info.Result ?? "null");
                case RunStatus.Failed:
                case RunStatus.Cancelled:
                    throw new WorkflowFailedException(info);
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPoll.Ticks));
        }
    }

    /// <summary>Waits until the run ends, for at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">The run had not ended in time.</exception>
    public async Task<TResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Run {Id} had not ended after {timeout}.");
        }
    }
}
