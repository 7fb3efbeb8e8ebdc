using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// Where a run goes after one attempt of a step: on to the next step, done, waiting for the child runs the step
/// returned or the event it waits for, a retry after a jittered delay, or failed. "Next step or done" follows the steps the run was started
/// with, which a worker of another deployment may not share. A pure function of the attempt and the step's policy (the randomness of the jitter comes in), so that
/// the policy is tested without a database.
/// </summary>
internal static class StepDecision
{
    /// <summary>Decides where the run goes and describes the attempt as it is stored.</summary>
    public static StepCompletion Decide(AttemptOf attempt, AttemptResult result, IRandomSource random)
    {
        var step = attempt.Workflow.Steps[attempt.StepIndex];
        var errorMessage = result.Error is null ? null : StoreLimits.Text(ErrorText.Message(result.Error, result.Outcome, attempt.Policy));
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
            ErrorType = result.Error is null ? null : StoreLimits.Text(result.Error.GetType().FullName),
            ErrorMessage = errorMessage,
            ErrorStack = result.Error is null ? null : StoreLimits.Text(result.Error.ToString()),
            Logs = result.Logs,
            ParentRunId = attempt.ParentRunId,
        };

        if (result.AwaitedRuns is { } children)
        {
            // The step's output is its children: the run waits for them at this step, and the checkpoint is written
            // when they have ended (their results, which the next step takes).
            return completion with { NextStatus = RunStatus.Waiting, AwaitedRuns = children };
        }

        if (result.AwaitedEvent is { } wait)
        {
            // The run parks for the event; the step's checkpoint is written when the event (or the timeout) wakes it.
            return completion with { NextStatus = RunStatus.Waiting, AwaitedEvent = wait.Name, EventTimeout = wait.Timeout };
        }

        if (result.Error is null)
        {
            return AfterSuccess(completion, attempt);
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

    // The run ends after its own last step, and goes on to its own next step. This worker goes on with it when its
    // step at that index has that name (what the claim matches); otherwise the run is left due at that step, its
    // checkpoint committed, for a worker that knows the step, with the reporter's words as its error.
    private static StepCompletion AfterSuccess(StepCompletion completion, AttemptOf attempt)
    {
        var next = attempt.StepIndex + 1;
        var own = attempt.Workflow.Steps;
        if (attempt.RunSteps is not { } runSteps)
        {
            return next == own.Count
                ? completion with { NextStatus = RunStatus.Succeeded }
                : completion with { NextStepName = own[next].Name };
        }

        if (next == runSteps.Count)
        {
            return completion with { NextStatus = RunStatus.Succeeded };
        }

        var nextStep = runSteps[next];
        return next < own.Count && own[next].Name == nextStep
            ? completion with { NextStepName = nextStep }
            : completion with
            {
                NextStatus = RunStatus.Pending,
                NextStepName = nextStep,
                RetryDelay = TimeSpan.Zero,
                RunError = UnknownStepText.WaitingFor(attempt.Workflow.Name, next, nextStep),
            };
    }
}

/// <summary>
/// Which attempt of which step of which held run (a child of <paramref name="ParentRunId"/>, if any), under which
/// policy; <paramref name="RunSteps"/> are the steps the run was started with when they are not the worker's own.
/// </summary>
internal sealed record AttemptOf(
    HeldRun Run, int Execution, WorkflowDescriptor Workflow, int StepIndex, StepPolicy Policy, int Number, Guid? ParentRunId = null, IReadOnlyList<string>? RunSteps = null);
