using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>A step that starts a child workflow through its context, then may fail and be retried.</summary>
[Workflow("parent")]
public sealed partial class ParentWorkflow(StepLog log)
{
    [Step(Retries = 2, Backoff = "none")]
    public async Task<Guid> Spawn(int value, StepContext ctx, CancellationToken ct)
    {
        using var _ = log.Enter(ctx);
        var child = await ctx.Workflows.StartFlakyWorkflowAsync(value, cancellationToken: ct);
        log.MaybeFail(ctx);
        return child.Id;
    }
}
