using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>A step whose retry waits ten minutes (before jitter): for tests on a fake clock.</summary>
[Workflow("slow-retry")]
public sealed partial class SlowRetryWorkflow(StepLog log)
{
    [Step(Retries = 1, Backoff = "fixed", Delay = "10m")]
    public string Work(string input, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        log.MaybeFail(ctx);
        return input.ToUpperInvariant();
    }
}
