using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>
/// A step whose children depend on what it finds: on its first attempt it starts a doubling child and then a flaky
/// one; on its retry the doubling child is no longer needed and it starts only the flaky one.
/// </summary>
[Workflow("skipping-parent")]
public sealed partial class SkippingParentWorkflow(StepLog log)
{
    [Step(Retries = 1, Backoff = "none")]
    public async Task<Guid> Spawn(int value, StepContext ctx, CancellationToken ct)
    {
        using var _ = log.Enter(ctx);
        if (ctx.Attempt == 1)
        {
            await ctx.Workflows.StartDoublingWorkflowAsync("a", cancellationToken: ct);
        }

        var flaky = await ctx.Workflows.StartFlakyWorkflowAsync(value, cancellationToken: ct);
        log.MaybeFail(ctx);
        return flaky.Id;
    }
}
