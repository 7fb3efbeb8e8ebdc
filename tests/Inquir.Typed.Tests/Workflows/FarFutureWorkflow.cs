namespace Inquir.Typed.Tests.Workflows;

/// <summary>A step with a timeout and a retry delay longer than a timer can wait (about 49.7 days).</summary>
[Workflow("far-future")]
public sealed partial class FarFutureWorkflow
{
    [Step(Retries = 2, Backoff = "fixed", Delay = "200d", MaxDelay = "365d", Timeout = "300d", Idempotent = true)]
    public string Work(string input, StepContext ctx) =>
        input == "fail" && ctx.Attempt == 1 ? throw new InvalidOperationException("again in 100 days") : input;
}
