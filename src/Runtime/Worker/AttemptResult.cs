using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>What one attempt of a step came to, before the worker decides where the run goes.</summary>
internal sealed record AttemptResult(AttemptOutcome Outcome, string? Output, Exception? Error, TimeSpan Duration, bool Interrupted)
{
    /// <summary>The lines the attempt logged, as stored JSON; null when it logged none that are kept.</summary>
    public string? Logs { get; init; }

    /// <summary>The child runs the step returned, which the run waits for; null for any other outcome.</summary>
    public IReadOnlyList<Guid>? AwaitedRuns { get; init; }

    /// <summary>What the step's return value asked of the runtime (a sleep, a snooze); null for a plain output.</summary>
    public StepInstruction? Instruction { get; init; }

    /// <summary>The event the step waits for, and how long, when it returned <c>EventWait&lt;T&gt;</c>; null for any other outcome.</summary>
    public (string Name, TimeSpan Timeout)? AwaitedEvent { get; init; }

    /// <summary>The worker stopped and cancelled the step: nothing is recorded as its outcome.</summary>
    public static readonly AttemptResult Interruption = new(AttemptOutcome.Failed, null, null, default, Interrupted: true);

    public static AttemptResult Success(string output, TimeSpan duration) =>
        new(AttemptOutcome.Succeeded, output, null, duration, Interrupted: false);

    public static AttemptResult Waiting(IReadOnlyList<Guid> children, TimeSpan duration) =>
        new(AttemptOutcome.Succeeded, null, null, duration, Interrupted: false) { AwaitedRuns = children };

    public static AttemptResult WaitingForEvent(string name, TimeSpan timeout, TimeSpan duration) =>
        new(AttemptOutcome.Succeeded, null, null, duration, Interrupted: false) { AwaitedEvent = (name, timeout) };

    public static AttemptResult Failure(Exception error, bool timedOut, TimeSpan duration) =>
        new(timedOut ? AttemptOutcome.TimedOut : AttemptOutcome.Failed, null, error, duration, Interrupted: false);
}
