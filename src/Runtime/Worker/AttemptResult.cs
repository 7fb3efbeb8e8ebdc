using Inquir.Typed.Postgres;

namespace Inquir.Typed.Worker;

/// <summary>What one attempt of a step came to, before the worker decides where the run goes.</summary>
internal sealed record AttemptResult(AttemptOutcome Outcome, string? Output, Exception? Error, DateTimeOffset StartedAt, TimeSpan Duration, bool Interrupted)
{
    /// <summary>The worker stopped and cancelled the step: nothing is recorded as its outcome.</summary>
    public static readonly AttemptResult Interruption = new(AttemptOutcome.Failed, null, null, default, default, Interrupted: true);

    public static AttemptResult Success(string output, DateTimeOffset startedAt, TimeSpan duration) =>
        new(AttemptOutcome.Succeeded, output, null, startedAt, duration, Interrupted: false);

    public static AttemptResult Failure(Exception error, bool timedOut, DateTimeOffset startedAt, TimeSpan duration) =>
        new(timedOut ? AttemptOutcome.TimedOut : AttemptOutcome.Failed, null, error, startedAt, duration, Interrupted: false);
}
