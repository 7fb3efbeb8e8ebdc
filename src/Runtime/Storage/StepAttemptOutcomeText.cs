namespace Inquir.Typed.Storage;

/// <summary>The spelling of <see cref="StepAttemptOutcome"/> in the <c>attempts.outcome</c> column.</summary>
internal static class StepAttemptOutcomeText
{
    public static StepAttemptOutcome Parse(string outcome) => outcome switch
    {
        "succeeded" => StepAttemptOutcome.Succeeded,
        "failed" => StepAttemptOutcome.Failed,
        "timed_out" => StepAttemptOutcome.TimedOut,
        "abandoned" => StepAttemptOutcome.Abandoned,
        "interrupted" => StepAttemptOutcome.Interrupted,
        "superseded" => StepAttemptOutcome.Superseded,
        "cancelled" => StepAttemptOutcome.Cancelled,
        "snoozed" => StepAttemptOutcome.Snoozed,
        _ => throw new InvalidOperationException($"Unknown attempt outcome '{outcome}' in the database."),
    };
}
