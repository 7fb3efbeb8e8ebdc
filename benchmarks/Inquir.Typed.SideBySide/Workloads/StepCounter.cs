using System.Collections.Concurrent;

namespace Inquir.Typed.SideBySide.Workloads;

/// <summary>
/// Counts how often each step ran, in memory, so that every workload can prove that each step ran exactly as often
/// as it should: a driver that reports speed for work it skipped or did twice would report nothing worth reading.
/// Static because Hangfire constructs its jobs itself; workloads run one after another, each after a <see cref="Reset"/>.
/// </summary>
public static class StepCounter
{
    private static readonly ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);
    private static volatile Waiter? _waiter;

    public static void Reset()
    {
        Counts.Clear();
        _waiter = null;
    }

    /// <summary>Records one execution of <paramref name="step"/>.</summary>
    public static void Ran(string step)
    {
        var count = Counts.AddOrUpdate(step, 1, (_, n) => n + 1);
        var waiter = _waiter;
        if (waiter is not null && waiter.Step == step && count >= waiter.Count)
        {
            waiter.Reached.TrySetResult();
        }
    }

    public static int Count(string step) => Counts.TryGetValue(step, out var n) ? n : 0;

    /// <summary>Completes when <paramref name="step"/> has run <paramref name="count"/> times.</summary>
    public static Task WhenCount(string step, int count)
    {
        var waiter = new Waiter(step, count);
        _waiter = waiter;
        if (Count(step) >= count)
        {
            waiter.Reached.TrySetResult();
        }

        return waiter.Reached.Task;
    }

    /// <summary>Throws unless every step ran exactly the expected number of times.</summary>
    public static void Verify(string workload, IReadOnlyDictionary<string, int> expected)
    {
        var wrong = expected
            .Where(e => Count(e.Key) != e.Value)
            .Select(e => $"{e.Key} ran {Count(e.Key)} times, expected {e.Value}")
            .Concat(Counts.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k} ran {Count(k)} times, expected never"))
            .ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException($"{workload}: {string.Join("; ", wrong)}");
        }
    }

    private sealed record Waiter(string Step, int Count)
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
