using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inquir.Typed.Benchmarks.Priorities;

/// <summary>
/// One step that holds its slot for <see cref="BacklogStep"/> for the backlog's runs (input ≥ 0) and records when it
/// started for a probe's (input &lt; 0).
/// </summary>
[Workflow("bench-priority-probe")]
public sealed partial class PriorityProbe(ProbeStarts starts)
{
    public static readonly TimeSpan BacklogStep = TimeSpan.FromMilliseconds(10);

    [Step(Retries = 0)]
    public async Task<int> Work(int n, CancellationToken ct)
    {
        if (n < 0)
        {
            starts.Record(n);
            return n;
        }

        await Task.Delay(BacklogStep, ct);
        return n;
    }
}

/// <summary>When each probe's step started, on the <see cref="Stopwatch"/> clock.</summary>
public sealed class ProbeStarts
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _started = new();

    public void Record(int probe) => Of(probe).TrySetResult(Stopwatch.GetTimestamp());

    public Task<long> StartedAsync(int probe) => Of(probe).Task;

    private TaskCompletionSource<long> Of(int probe) => _started.GetOrAdd(probe, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
