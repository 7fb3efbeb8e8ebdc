namespace Inquir.Typed.TestWorker;

/// <summary>One step in a queue of its own, "flow-pausable", for the test that pauses and resumes that queue.</summary>
[Workflow("flow-pausable", Queue = QueueName)]
public sealed partial class FlowPausableWorkflow
{
    public const string QueueName = "flow-pausable";

    public static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(100);

    [Step(Idempotent = true)]
    public async Task<int> Call(int value, CancellationToken ct)
    {
        await Task.Delay(StepTime, ct);
        return value + 1;
    }
}
