namespace Inquir.Typed.TestWorker;

/// <summary>One instant step whose starts are limited to <see cref="PerSecond"/> a second across every worker process.</summary>
[Workflow("flow-rated")]
public sealed partial class FlowRatedWorkflow
{
    public const int PerSecond = 100;

    [Step(Idempotent = true), Limit(Rate = "100/1s")]
    public int Call(int value) => value + 1;
}
