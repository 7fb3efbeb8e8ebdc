using Inquir.Typed.Generated;
using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>How a step's exception is judged and described.</summary>
internal static class ErrorText
{
    /// <summary>
    /// Whether retrying cannot help: the step said so (<see cref="PermanentFailureException"/> or a type it lists
    /// as non-retryable), its stored input no longer decodes, or its output is over the size limit.
    /// </summary>
    public static bool IsPermanent(Exception error, StepDescriptor step) =>
        error is PermanentFailureException or CheckpointDecodeException or StepOutputTooLargeException
        || step.NonRetryable.Any(t => t.IsInstanceOfType(error));

    public static string Message(Exception error, AttemptOutcome outcome, StepPolicy policy) =>
        outcome == AttemptOutcome.TimedOut
            ? $"timed out after {policy.Timeout}" + (error is StepAbandonedException abandoned ? $"; {abandoned.Message}" : string.Empty)
            : $"{error.GetType().Name}: {error.Message}";
}
