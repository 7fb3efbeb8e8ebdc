using Inquir.Typed.Storage;

namespace Inquir.Typed.Worker;

/// <summary>
/// Where a run goes after one attempt of a step: on to the next step (at once, or asleep until it is due), done,
/// waiting for the child runs the step returned or the event it waits for, snoozed at the same step, a retry after a jittered delay, or failed. "Next step or done" follows the steps the run was started
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

        if (result.Error is null && result.Instruction is SnoozeInstruction snooze)
        {
            // Not counted against the retries, but bounded: one snooze past the bound fails the step for good.
            return attempt.Snoozes >= attempt.MaxSnoozes
                ? Decide(attempt, AttemptResult.Failure(SnoozeLimitExceededException.For(step.Name, attempt.MaxSnoozes), timedOut: false, result.Duration) with { Logs = result.Logs }, random)
                : completion with
                {
                    Outcome = AttemptOutcome.Snoozed,
                    Output = null,
                    NextStatus = RunStatus.Pending,
                    RetryDelay = snooze.For,
                    Sleep = RunSleep.Snoozed,
                };
        }

        if (result.Error is null)
        {
            return AfterSuccess(completion, attempt, result.Instruction as SleepInstruction);
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

    // The run ends after its own last step (a sleep after it has nothing to delay), and goes on to its own next
    // step. This worker goes on with it when its step at that index has that name (what the claim matches), unless
    // the next step is due later (its After, or the output's delay): then the run sleeps at that step, held by no
    // worker. A next step this worker lacks is left due for a worker that knows it, its checkpoint committed, with
    // the reporter's words as its error.
    private static StepCompletion AfterSuccess(StepCompletion completion, AttemptOf attempt, SleepInstruction? sleep)
    {
        var next = attempt.StepIndex + 1;
        var own = attempt.Workflow.Steps;
        var runSteps = attempt.RunSteps ?? own.Select(s => s.Name).ToArray();
        if (next == runSteps.Count)
        {
            return completion with { NextStatus = RunStatus.Succeeded };
        }

        var nextStep = runSteps[next];
        var known = next < own.Count && own[next].Name == nextStep;
        var after = known ? own[next].After ?? TimeSpan.Zero : TimeSpan.Zero;
        var delay = sleep is null || sleep.For < after ? after : sleep.For;
        if (known && delay == TimeSpan.Zero && sleep?.Until is null)
        {
            return completion with { NextStepName = nextStep };
        }

        return completion with
        {
            NextStatus = RunStatus.Pending,
            NextStepName = nextStep,
            RetryDelay = delay,
            WakeAt = sleep?.Until,
            Sleep = delay > TimeSpan.Zero || sleep?.Until is not null ? RunSleep.Sleeping : null,
            RunError = known ? null : UnknownStepText.WaitingFor(attempt.Workflow.Name, next, nextStep),
        };
    }
}

/// <summary>
/// Which attempt of which step of which held run (a child of <paramref name="ParentRunId"/>, if any), under which
/// policy; <paramref name="RunSteps"/> are the steps the run was started with when they are not the worker's own.
/// </summary>
internal sealed record AttemptOf(
    HeldRun Run, int Execution, WorkflowDescriptor Workflow, int StepIndex, StepPolicy Policy, int Number, Guid? ParentRunId = null, IReadOnlyList<string>? RunSteps = null)
{
    /// <summary>How many times the step has snoozed before this attempt (in this execution).</summary>
    public int Snoozes { get; init; }

    /// <summary>How many times the step may snooze: its policy's bound, else the worker's.</summary>
    public int MaxSnoozes { get; init; } = StepPolicy.DefaultMaxSnoozes;
}
