using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// Where a run goes after one attempt of a step: on to the next step, done, waiting for the child runs the step
/// returned, a retry after a jittered delay, or failed. A pure function of the attempt and the step's policy (the randomness of the jitter comes in), so that
/// the policy is tested without a database.
/// </summary>
internal static class StepDecision
{
    /// <summary>Decides where the run goes and describes the attempt as it is stored.</summary>
    public static StepCompletion Decide(AttemptOf attempt, AttemptResult result, IRandomSource random)
    {
        var step = attempt.Workflow.Steps[attempt.StepIndex];
        var errorMessage = result.Error is null ? null : StoredText.Clean(ErrorText.Message(result.Error, result.Outcome, attempt.Policy));
        var completion = new StepCompletion
        {
            Run = attempt.Run,
            Execution = attempt.Execution,
            StepIndex = attempt.StepIndex,
            StepName = step.Name,
            Attempt = attempt.Number,
            Outcome = result.Outcome,
            Output = result.Output,
            NextStatus = RunStatus.Running,
            Duration = result.Duration,
            ErrorType = result.Error is null ? null : StoredText.Clean(result.Error.GetType().FullName),
            ErrorMessage = errorMessage,
            ErrorStack = result.Error is null ? null : StoredText.Clean(result.Error.ToString()),
            Logs = result.Logs,
            ParentRunId = attempt.ParentRunId,
        };

        if (result.AwaitedRuns is { } children)
        {
            // The step's output is its children: the run waits for them at this step, and the checkpoint is written
            // when they have ended (their results, which the next step takes).
            return completion with { NextStatus = RunStatus.Waiting, AwaitedRuns = children };
        }

        if (result.Error is null)
        {
            var last = attempt.StepIndex == attempt.Workflow.Steps.Count - 1;
            return last
                ? completion with { NextStatus = RunStatus.Succeeded }
                : completion with { NextStepName = attempt.Workflow.Steps[attempt.StepIndex + 1].Name };
        }

        if (ErrorText.IsPermanent(result.Error, step))
        {
            return completion with
            {
                NextStatus = RunStatus.Failed,
                RunError = $"step '{step.Name}' failed permanently on attempt {attempt.Number}: {errorMessage}",
            };
        }

        if (attempt.Number >= attempt.Policy.MaxAttempts)
        {
            return completion with
            {
                NextStatus = RunStatus.Failed,
                RunError = $"step '{step.Name}' failed on all {attempt.Number} attempts; last error: {errorMessage}",
            };
        }

        return completion with
        {
            NextStatus = RunStatus.Pending,
            RetryDelay = RetryDelay.WithJitter(attempt.Policy, attempt.Number, random),
            RunError = $"attempt {attempt.Number} of step '{step.Name}' failed: {errorMessage}",
        };
    }
}

/// <summary>Which attempt of which step of which held run (a child of <paramref name="ParentRunId"/>, if any), under which policy.</summary>
internal sealed record AttemptOf(HeldRun Run, int Execution, WorkflowDescriptor Workflow, int StepIndex, StepPolicy Policy, int Number, Guid? ParentRunId = null);
