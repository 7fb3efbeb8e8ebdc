namespace Inquir.Typed.TestWorker;

/// <summary>One run per key at a time, across every worker process: the limit "flow-keyed" keyed by the input's
/// <see cref="KeyedInput.Key"/>.</summary>
[Workflow("flow-keyed")]
[Limit(Concurrency = 1, Key = nameof(KeyedInput.Key))]
public sealed partial class FlowKeyedWorkflow
{
    public static readonly TimeSpan StepTime = TimeSpan.FromMilliseconds(10);

    [Step(Idempotent = true)]
    public async Task<int> Work(KeyedInput input, CancellationToken ct)
    {
        await Task.Delay(StepTime, ct);
        return input.N;
    }
}

/// <summary>The input of <see cref="FlowKeyedWorkflow"/>: the key its limit is counted under, and a number.</summary>
public sealed record KeyedInput(string Key, int N);
