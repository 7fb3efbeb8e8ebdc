namespace Inquir.Typed.Tests.Workflows;

/// <summary>
/// Three steps; the second names the shared limit "pair" and records how many of its calls run at once, across every
/// host of a test (<see cref="Overlap"/> is one instance handed to all of them).
/// </summary>
[Workflow("limited")]
public sealed partial class LimitedWorkflow(Overlap overlap)
{
    [Step(Idempotent = true)]
    public int Prepare(int value) => value + 1;

    [Step(Idempotent = true, Limit = "pair")]
    public async Task<int> Call(int value, CancellationToken ct)
    {
        using var _ = overlap.Enter();
        await Task.Delay(TimeSpan.FromMilliseconds(40), ct);
        return value * 2;
    }

    [Step(Idempotent = true)]
    public int Finish(int value) => value - 1;
}

/// <summary>Counts the callers inside at once and the most there ever were.</summary>
public sealed class Overlap
{
    private int _inside;
    private int _most;

    public int Most => Volatile.Read(ref _most);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _inside);
        int most;
        while ((most = Volatile.Read(ref _most)) < now && Interlocked.CompareExchange(ref _most, now, most) != most)
        {
        }

        return new Leaving(this);
    }

    private sealed class Leaving(Overlap overlap) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref overlap._inside);
    }
}
