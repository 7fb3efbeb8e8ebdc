using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Workflows;

/// <summary>A workflow with no input and no result: a void step followed by a step with no data parameter.</summary>
[Workflow("no-input")]
public sealed partial class NoInputWorkflow(StepLog log)
{
    [Step(Retries = 0)]
    public void Ping(StepContext ctx)
    {
        using var _ = log.Enter(ctx);
    }

    [Step(Retries = 0)]
    public Task Pong(StepContext ctx)
    {
        using var _ = log.Enter(ctx);
        return Task.CompletedTask;
    }
}
