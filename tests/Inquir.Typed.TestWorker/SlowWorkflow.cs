namespace Inquir.Typed.TestWorker;

/// <summary>One step that counts its executions in the database and then takes two seconds: long enough to be
/// taken over by a worker that wrongly thinks its lease expired.</summary>
[Workflow("slow")]
public sealed partial class SlowWorkflow(SideEffects effects)
{
    public static readonly TimeSpan StepTime = TimeSpan.FromSeconds(2);

    [Step(Retries = 3, Idempotent = true)]
    public async Task<int> Crawl(int value, StepContext ctx, CancellationToken ct)
    {
        await effects.IncrementAsync(ctx.RunId, ctx.StepName, ct);
        await Task.Delay(StepTime, ct);
        return value + 1;
    }
}
