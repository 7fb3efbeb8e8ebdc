using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step with two retries that fails as <see cref="StepLog.FailWhen"/> says; ArgumentException is permanent.</summary>
[Workflow("flaky")]
public sealed partial class FlakyWorkflow(StepLog log)
{
    [Step(Retries = 2, Backoff = "none", NonRetryable = new[] { typeof(ArgumentException) })]
    public int Work(int value, StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        log.MaybeFail(ctx);
        return value + 1;
    }
}
