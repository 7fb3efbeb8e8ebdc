namespace Inquir.Typed.TestWorker;

/// <summary>One step limited to <see cref="Concurrency"/> at once across every worker process; each call takes
/// <see cref="StepTime"/>, long enough that several processes want the limit's slots at once.</summary>
[Workflow("flow-limited")]
public sealed partial class FlowLimitedWorkflow
{
    public const int Concurrency = 5;

    public static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(50);

    [Step(Idempotent = true), Limit(Concurrency = Concurrency)]
    public async Task<int> Call(int value, CancellationToken ct)
    {
        await Task.Delay(StepTime, ct);
        return value + 1;
    }
}
