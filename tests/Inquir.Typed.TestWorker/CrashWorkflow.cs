namespace Inquir.Typed.TestWorker;

/// <summary>
/// Three steps that count their executions in the database. The first execution of <see cref="Hang"/> never
/// ends, so that the test can kill the process that runs it.
/// </summary>
[Workflow("crash")]
public sealed partial class CrashWorkflow(SideEffects effects)
{
    [Step(Retries = 3, Idempotent = true)]
    public async Task<int> Before(int value, StepContext ctx, CancellationToken ct)
    {
        await effects.IncrementAsync(ctx.RunId, ctx.StepName, ct);
        return value + 1;
    }

    [Step(Retries = 3, Idempotent = true)]
    public async Task<int> Hang(int value, StepContext ctx, CancellationToken ct)
    {
        if (await effects.IncrementAsync(ctx.RunId, ctx.StepName, ct) == 1)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }

        return value * 10;
    }

    [Step(Retries = 3, Idempotent = true)]
    public async Task<int> After(int value, StepContext ctx, CancellationToken ct)
    {
        await effects.IncrementAsync(ctx.RunId, ctx.StepName, ct);
        return value + 5;
    }
}
