using System.Collections.Concurrent;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>
/// Two steps; every attempt of the first is held by <see cref="LeaseProbe"/> until the test releases it, and the
/// probe sees whether the attempt's token fired. For the tests of who holds a run's lease.
/// </summary>
[Workflow("hold")]
public sealed partial class HoldWorkflow(LeaseProbe probe)
{
    [Step(Retries = 5, Backoff = "none", Idempotent = true)]
    public async Task<int> Hold(int value, StepContext ctx, CancellationToken ct)
    {
        await probe.HoldAsync(ctx.Attempt, ct);
        return value + 1;
    }

    [Step(Retries = 5, Idempotent = true)]
    public int After(int value, StepContext ctx)
    {
        probe.CountAfter();
        return value * 2;
    }
}

/// <summary>Holds the attempts of <see cref="HoldWorkflow"/>'s first step, each until it is released or its token fires.</summary>
public sealed class LeaseProbe
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _arrived = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _released = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _cancelled = new();
    private int _afters;

    public int AfterExecutions => Volatile.Read(ref _afters);

    public Task Arrived(int attempt) => Source(_arrived, attempt).Task;

    /// <summary>Ends when the attempt's token fired while it was held.</summary>
    public Task Cancelled(int attempt) => Source(_cancelled, attempt).Task;

    public bool WasCancelled(int attempt) => Source(_cancelled, attempt).Task.IsCompleted;

    public void Release(int attempt) => Source(_released, attempt).TrySetResult();

    public async Task HoldAsync(int attempt, CancellationToken ct)
    {
        Source(_arrived, attempt).TrySetResult();
        try
        {
            await Source(_released, attempt).Task.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Source(_cancelled, attempt).TrySetResult();
            throw;
        }
    }

    public void CountAfter() => Interlocked.Increment(ref _afters);

    private static TaskCompletionSource Source(ConcurrentDictionary<int, TaskCompletionSource> sources, int attempt) =>
        sources.GetOrAdd(attempt, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
