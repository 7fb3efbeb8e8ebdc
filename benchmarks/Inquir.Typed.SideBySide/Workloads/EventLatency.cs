using System.Diagnostics;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>
/// When each event was sent and when the step it wakes began, per run number, on the <see cref="Stopwatch"/> clock:
/// the send-to-next-step latency of the event workload.
/// </summary>
public static class EventLatency
{
    private static long[] _sent = [];
    private static long[] _began = [];

    public static void Reset(int runs)
    {
        _sent = new long[runs];
        _began = new long[runs];
    }

    public static void Sent(int run, long timestamp) => Volatile.Write(ref _sent[run], timestamp);

    public static void StepBegan(int run) => Volatile.Write(ref _began[run], Stopwatch.GetTimestamp());

    /// <summary>Send-to-step milliseconds of every run that was sent an event and whose step began, sorted.</summary>
    public static List<double> SortedMilliseconds()
    {
        var latencies = new List<double>(_sent.Length);
        for (var run = 0; run < _sent.Length; run++)
        {
            if (_sent[run] != 0 && _began[run] != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(_sent[run], _began[run]).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return latencies;
    }
}
