using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.HistoryApi;

/// <summary>Three steps; the second waits until its token fires, so that a test can cancel the run while it runs.</summary>
[Workflow("cancellable")]
public sealed partial class CancellableWorkflow(StepLog log, CancelProbe probe)
{
    [Step]
    public int Before(int value, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return value + 1;
    }

    [Step]
    public async Task<int> Wait(int value, StepContext ctx, CancellationToken ct)
    {
        using var _ = log.Enter(ctx);
        probe.Arrived.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            probe.TokenFired.TrySetResult();
            throw;
        }

        return value;
    }

    [Step]
    public int After(int value, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return value + 1;
    }
}

/// <summary>Reports when the waiting step has started and when its cancellation token fired.</summary>
public sealed class CancelProbe
{
    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource TokenFired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
