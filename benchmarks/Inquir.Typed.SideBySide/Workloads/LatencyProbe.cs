using System.Diagnostics;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>Tells the latency workload when the first step of the one run it just started began.</summary>
public static class LatencyProbe
{
    private static volatile TaskCompletionSource<long>? _firstStep;

    /// <summary>Arms the probe before a start; the returned task gives the timestamp at which the step began.</summary>
    public static Task<long> Arm()
    {
        var firstStep = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _firstStep = firstStep;
        return firstStep.Task;
    }

    public static void StepBegan() => StepBegan(Stopwatch.GetTimestamp());

    /// <summary>Reports a step that began at <paramref name="timestamp"/> (a <see cref="Stopwatch"/> timestamp), timed where it ran.</summary>
    public static void StepBegan(long timestamp) => _firstStep?.TrySetResult(timestamp);
}
