namespace Inquir.Typed.Testing;

/// <summary>One step of a <see cref="TestRun"/>: its checkpoint, its attempts and the delays between them, with assertions.</summary>
public sealed class TestStep
{
    private readonly TestRun _run;

    internal TestStep(TestRun run, string name, StepCheckpoint? checkpoint, IReadOnlyList<StepAttempt> attempts)
    {
        _run = run;
        Name = name;
        Checkpoint = checkpoint;
        Attempts = attempts;
        Delays = DelaysBetween(attempts);
    }

    /// <summary>The step's name.</summary>
    public string Name { get; }

    /// <summary>The stored output, once the step completed.</summary>
    public StepCheckpoint? Checkpoint { get; }

    /// <summary>Every attempt of every execution, oldest first.</summary>
    public IReadOnlyList<StepAttempt> Attempts { get; }

    /// <summary>
    /// How long the step waited between one attempt's end and the next attempt's start, on the host's fake clock,
    /// within each execution: with <see cref="InquirTestHostOptions.RetryJitter"/> at 1 and the clock advanced by
    /// <see cref="InquirTestHost.RunToCompletionAsync(Guid, CancellationToken)"/>, exactly the step's backoff.
    /// </summary>
    public IReadOnlyList<TimeSpan> Delays { get; }

    /// <summary>Asserts that the step ran exactly <paramref name="times"/> times (attempts of every execution).</summary>
    /// <exception cref="InquirAssertionException">It ran another number of times.</exception>
    public TestStep ShouldHaveRun(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        if (Attempts.Count != times)
        {
            throw Fail($"ran {RunText.Times(Attempts.Count)}, expected {RunText.Times(times)}");
        }

        return this;
    }

    /// <summary>Asserts that the step never ran.</summary>
    /// <exception cref="InquirAssertionException">It ran.</exception>
    public TestStep ShouldNotHaveRun() => ShouldHaveRun(0);

    /// <summary>Asserts that the step completed: its checkpoint is stored.</summary>
    /// <exception cref="InquirAssertionException">It has no checkpoint.</exception>
    public TestStep ShouldHaveSucceeded()
    {
        if (Checkpoint is null)
        {
            throw Fail(Attempts.Count == 0 ? "never ran, expected it to have succeeded" : "has not succeeded, expected it to have succeeded");
        }

        return this;
    }

    /// <summary>Asserts that the step has no checkpoint and its last attempt failed or timed out.</summary>
    /// <exception cref="InquirAssertionException">It succeeded, never ran, or its last attempt ended otherwise.</exception>
    public TestStep ShouldHaveFailed()
    {
        if (Checkpoint is not null || Attempts.Count == 0 || Attempts[^1].Outcome is not (StepAttemptOutcome.Failed or StepAttemptOutcome.TimedOut))
        {
            var what = Checkpoint is not null ? "succeeded" : Attempts.Count == 0 ? "never ran" : $"ended its last attempt {RunText.Outcome(Attempts[^1].Outcome)}";
            throw Fail($"{what}, expected its last attempt to have failed");
        }

        return this;
    }

    /// <summary>
    /// Asserts that the waits between attempts were exactly <paramref name="delays"/>, in order (see <see cref="Delays"/>):
    /// <c>ShouldHaveWaited(1s, 2s, 4s)</c> proves an exponential backoff from 1 s over four attempts.
    /// </summary>
    /// <exception cref="InquirAssertionException">The step waited otherwise, or a different number of times.</exception>
    public TestStep ShouldHaveWaited(params TimeSpan[] delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (!Delays.SequenceEqual(delays))
        {
            throw Fail($"waited {RunText.Durations(Delays)} between attempts, expected {RunText.Durations(delays)}");
        }

        return this;
    }

    /// <summary>A one-line description: <c>step 'Upload' of run 3f2a9c1e (upload): 1 failed (…), 2 succeeded</c>.</summary>
    public override string ToString() => $"step '{Name}' of {RunText.Run(_run.Info)}: {RunText.Attempts(Attempts)}";

    private InquirAssertionException Fail(string what)
    {
        var message = $"step '{Name}' of {RunText.Run(_run.Info)} {what}; attempts: {RunText.Attempts(Attempts)}";
        if (Attempts.Count == 0)
        {
            var ran = _run.Steps.Where(s => s.Attempts.Count > 0).Select(s => $"'{s.Name}'").ToArray();
            message += ran.Length == 0 ? "; no step of the run has run" : $"; steps that ran: {string.Join(", ", ran)}";
        }

        message += $"\nthe run {RunText.StatusPhrase(_run.Status)}";
        if (_run.Error is not null)
        {
            message += $": {_run.Error}";
        }

        return new InquirAssertionException(message);
    }

    private static TimeSpan[] DelaysBetween(IReadOnlyList<StepAttempt> attempts)
    {
        var delays = new List<TimeSpan>();
        for (var i = 1; i < attempts.Count; i++)
        {
            var previous = attempts[i - 1];
            if (attempts[i].Execution == previous.Execution)
            {
                delays.Add(attempts[i].StartedAt - (previous.StartedAt + previous.Duration));
            }
        }

        return [.. delays];
    }
}
