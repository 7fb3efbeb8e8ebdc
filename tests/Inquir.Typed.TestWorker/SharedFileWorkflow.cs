namespace Inquir.Typed.TestWorker;

/// <summary>Two short steps with no side effects: enough work for several processes sharing one SQLite file to split it.</summary>
[Workflow("shared-file")]
public sealed partial class SharedFileWorkflow
{
    public static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(30);

    [Step(Idempotent = true)]
    public async Task<int> First(int value, CancellationToken ct)
    {
        await Task.Delay(StepTime, ct);
        return value + 1;
    }

    [Step(Idempotent = true)]
    public async Task<int> Second(int value, CancellationToken ct)
    {
        await Task.Delay(StepTime, ct);
        return value * 2;
    }
}
