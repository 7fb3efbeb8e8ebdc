namespace Inquir.Typed.TestWorker;

/// <summary>
/// The chaos test's pipeline: three steps that each count their executions in the database and then fail one
/// time in five. Five attempts per step, so that a few runs really exhaust their retries.
/// </summary>
[Workflow("chaos")]
public sealed partial class ChaosWorkflow(SideEffects effects)
{
    /// <summary>The share of step executions that fail on purpose.</summary>
    public const double FailureRate = 0.2;

    /// <summary>The attempts each step gets: its first one and <c>Retries</c> more.</summary>
    public const int MaxAttempts = 5;

    [Step(Retries = MaxAttempts - 1, Backoff = "fixed", Delay = "50ms", Idempotent = true)]
    public Task<int> Fetch(int value, StepContext ctx, CancellationToken ct) => CountThenMaybeFailAsync(ctx, value + 1, ct);

    [Step(Retries = MaxAttempts - 1, Backoff = "fixed", Delay = "50ms", Idempotent = true)]
    public Task<int> Transform(int value, StepContext ctx, CancellationToken ct) => CountThenMaybeFailAsync(ctx, value * 2, ct);

    [Step(Retries = MaxAttempts - 1, Backoff = "fixed", Delay = "50ms", Idempotent = true)]
    public Task<int> Store(int value, StepContext ctx, CancellationToken ct) => CountThenMaybeFailAsync(ctx, value + 3, ct);

    private async Task<int> CountThenMaybeFailAsync(StepContext ctx, int result, CancellationToken ct)
    {
        await effects.IncrementAsync(ctx.RunId, ctx.StepName, ct);
        if (Random.Shared.NextDouble() < FailureRate)
        {
            throw new InvalidOperationException($"chaos: step {ctx.StepName} of run {ctx.RunId} fails on purpose on attempt {ctx.Attempt}");
        }

        return result;
    }
}
