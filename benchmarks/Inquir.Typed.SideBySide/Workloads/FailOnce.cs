using System.Collections.Concurrent;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>Makes a step fail on its first attempt for each run and succeed on the second, the same way on every system.</summary>
public static class FailOnce
{
    private static readonly ConcurrentDictionary<int, bool> Failed = new();

    public static void Reset() => Failed.Clear();

    /// <summary>Throws the first time it is called for <paramref name="run"/>.</summary>
    public static void ForRun(int run)
    {
        if (Failed.TryAdd(run, true))
        {
            throw new InvalidOperationException($"run {run} fails its second step once, by design");
        }
    }
}
