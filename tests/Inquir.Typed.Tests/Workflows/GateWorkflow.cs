using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>
/// Three steps; the second waits on <see cref="StepGate"/> so that a test can stop a worker while it runs.
/// </summary>
[Workflow("gate")]
public sealed partial class GateWorkflow(StepLog log, StepGate gate)
{
    [Step(Retries = 3, Idempotent = true)]
    public int First(int value, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return value + 1;
    }

    [Step(Retries = 3, Idempotent = true)]
    public async Task<int> Second(int value, StepContext ctx, CancellationToken ct)
    {
        using var _ = log.Enter(ctx);
        await gate.PassAsync(ct);
        return value * 10;
    }

    [Step(Retries = 3, Idempotent = true)]
    public int Third(int value, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return value + 5;
    }
}

/// <summary>Holds steps until a test opens it; reports when a step has arrived.</summary>
public sealed class StepGate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Closed { get; init; } = true;

    public Task Arrived => _arrived.Task;

    public void Open() => _open.TrySetResult();

    public async Task PassAsync(CancellationToken ct)
    {
        _arrived.TrySetResult();
        if (Closed)
        {
            await _open.Task.WaitAsync(ct);
        }
    }
}
