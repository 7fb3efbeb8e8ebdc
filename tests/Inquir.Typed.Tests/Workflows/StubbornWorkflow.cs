namespace Inquir.Typed.Tests.Workflows;

/// <summary>One step with a short timeout whose first attempt ignores its token and blocks its thread until the test lets it go.</summary>
[Workflow("stubborn")]
public sealed partial class StubbornWorkflow(StubbornStep stubborn)
{
    [Step(Retries = 1, Backoff = "none", Timeout = "200ms", Idempotent = true)]
    public string Work(int value, StepContext ctx, CancellationToken ct) => stubborn.Run(value, ctx.Attempt);
}

/// <summary>What <see cref="StubbornWorkflow"/>'s step does: attempt 1 blocks until <see cref="Release"/>, later ones return at once.</summary>
public sealed class StubbornStep
{
    private readonly ManualResetEventSlim _released = new();
    private readonly TaskCompletionSource _firstEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ends when a blocked first attempt has returned its (late) result.</summary>
    public Task FirstAttemptEnded => _firstEnded.Task;

    private int _started;

    /// <summary>How many attempts have started, blocked or not.</summary>
    public int Started => Volatile.Read(ref _started);

    public void Release() => _released.Set();

    public string Run(int value, int attempt)
    {
        Interlocked.Increment(ref _started);
        if (attempt > 1)
        {
            return $"run {value}, attempt {attempt}";
        }

        // Deliberately deaf to cancellation: the worker must abandon it, not wait for it.
        _released.Wait(CancellationToken.None);
        _firstEnded.TrySetResult();
        return $"run {value}, late result of attempt 1";
    }
}
