using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Inquir.Typed.Tests.Infrastructure;

/// <summary>
/// What the test workflows did: how often each step of each run executed, how many ran at once, and which
/// attempts should fail. Registered as a singleton in the test host.
/// </summary>
public sealed class StepLog
{
    private readonly ConcurrentDictionary<(Guid Run, string Step), int> _executions = new();
    private readonly ConcurrentDictionary<(Guid Run, string Step), int> _running = new();
    private int _mostAtOnceForOneStep;

    /// <summary>Decides whether an attempt throws; by default none does.</summary>
    public Func<StepContext, Exception?> FailWhen { get; set; } = _ => null;

    public int MostConcurrentExecutionsOfOneStep => Volatile.Read(ref _mostAtOnceForOneStep);

    public int Executions(Guid run, string step) => _executions.GetValueOrDefault((run, step));

    public int TotalExecutions => _executions.Values.Sum();

    /// <summary>Records that a step started; dispose the result when it ends.</summary>
    public IDisposable Enter(StepContext ctx)
    {
        var key = (ctx.RunId, ctx.StepName);
        _executions.AddOrUpdate(key, 1, (_, n) => n + 1);
        var now = _running.AddOrUpdate(key, 1, (_, n) => n + 1);
        InterlockedMax(ref _mostAtOnceForOneStep, now);
        return new Exit(() => _running.AddOrUpdate(key, 0, (_, n) => n - 1));
    }

    /// <summary>Throws the failure <see cref="FailWhen"/> chose for this attempt, if any.</summary>
    /// <remarks>
    /// Never inlined: tests look for this method in the thrown exception's stack trace, and once the JIT has tiered up
    /// a step that calls it, an inlined throw would show only the step's frame (seen once in a full run).
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void MaybeFail(StepContext ctx)
    {
        if (FailWhen(ctx) is { } error)
        {
            throw error;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed class Exit(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
