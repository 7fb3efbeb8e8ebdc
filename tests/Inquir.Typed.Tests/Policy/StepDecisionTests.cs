using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Runtime;
using Inquir.Typed.Tests.Workflows;
using Inquir.Typed.Worker;

namespace Inquir.Typed.Tests.Policy;

/// <summary>Where a run goes after an attempt, decided without a database.</summary>
public sealed class StepDecisionTests
{
    private static readonly WorkflowDescriptor Gate = GateWorkflow.InquirDescriptor;
    private static readonly StepPolicy ThreeRetries = new(3, BackoffKind.Fixed, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), null);
    private static readonly HeldRun Run = new(Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void A_succeeded_step_that_is_not_the_last_goes_on_to_the_next_step()
    {
        var decision = Decide(stepIndex: 0, attempt: 1, AttemptResult.Success("2", TimeSpan.FromMilliseconds(5)));

        Assert.Equal((RunStatus.Running, "Second", "2"), (decision.NextStatus, decision.NextStepName, decision.Output));
        Assert.Null(decision.RunError);
    }

    [Fact]
    public void The_last_step_succeeding_ends_the_run_as_succeeded()
    {
        var decision = Decide(stepIndex: 2, attempt: 1, AttemptResult.Success("7", TimeSpan.Zero));

        Assert.Equal(RunStatus.Succeeded, decision.NextStatus);
        Assert.Null(decision.NextStepName);
    }

    [Fact]
    public void A_failed_attempt_with_retries_left_is_retried_after_the_jittered_delay()
    {
        var decision = Decide(stepIndex: 1, attempt: 2, Failure(new InvalidOperationException("boom")), random: 0.5);

        Assert.Equal(RunStatus.Pending, decision.NextStatus);
        Assert.Equal(TimeSpan.FromSeconds(5), decision.RetryDelay);
        Assert.Equal("attempt 2 of step 'Second' failed: InvalidOperationException: boom", decision.RunError);
    }

    [Fact]
    public void The_last_allowed_attempt_failing_fails_the_run_and_names_the_attempts()
    {
        var decision = Decide(stepIndex: 1, attempt: 4, Failure(new InvalidOperationException("boom")));

        Assert.Equal(RunStatus.Failed, decision.NextStatus);
        Assert.Equal("step 'Second' failed on all 4 attempts; last error: InvalidOperationException: boom", decision.RunError);
    }

    [Fact]
    public void A_permanent_failure_fails_the_run_at_once_with_retries_left()
    {
        var decision = Decide(stepIndex: 0, attempt: 1, Failure(new PermanentFailureException("card declined")));

        Assert.Equal(RunStatus.Failed, decision.NextStatus);
        Assert.StartsWith("step 'First' failed permanently on attempt 1:", decision.RunError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timed_out_attempt_says_it_timed_out_and_is_retried()
    {
        var policy = ThreeRetries with { Timeout = TimeSpan.FromSeconds(3) };
        var decision = StepDecision.Decide(new AttemptOf(Run, 1, Gate, 0, policy, 1), AttemptResult.Failure(new OperationCanceledException(), timedOut: true, TimeSpan.FromSeconds(3)), new RetryDelayTests.FixedRandom(1));

        Assert.Equal((AttemptOutcome.TimedOut, RunStatus.Pending), (decision.Outcome, decision.NextStatus));
        Assert.Equal("timed out after 00:00:03", decision.ErrorMessage);
    }

    [Fact]
    public void Text_the_database_cannot_store_is_cleaned_in_every_error_field()
    {
        var decision = Decide(stepIndex: 0, attempt: 1, Failure(new InvalidOperationException("nul\0 and \uDC00")));

        Assert.DoesNotContain('\0', decision.ErrorMessage + decision.ErrorStack + decision.RunError);
        Assert.Contains("nul\uFFFD and \uFFFD", decision.ErrorMessage);
        Assert.Contains("nul\uFFFD and \uFFFD", decision.ErrorStack);
    }

    [Fact]
    public void The_decision_carries_the_lease_execution_and_attempt_it_was_made_for()
    {
        var decision = StepDecision.Decide(new AttemptOf(Run, 3, Gate, 1, ThreeRetries, 2), AttemptResult.Success("1", TimeSpan.Zero), new RetryDelayTests.FixedRandom(0));

        Assert.Equal((Run, 3, 1, "Second", 2), (decision.Run, decision.Execution, decision.StepIndex, decision.StepName, decision.Attempt));
    }

    [Fact]
    public void A_run_started_with_a_step_after_the_worker_s_last_waits_at_it_for_a_worker_that_knows_it()
    {
        var decision = DecideFor(["First", "Second", "Third", "Fourth"], stepIndex: 2);

        Assert.Equal((RunStatus.Pending, "Fourth", TimeSpan.Zero, "7"), (decision.NextStatus, decision.NextStepName, decision.RetryDelay, decision.Output));
        Assert.Equal("waiting for a worker that knows step 'Fourth' (step 4) of workflow 'gate'; a worker of another deployment does not run it", decision.RunError);
    }

    [Fact]
    public void A_run_started_with_fewer_steps_ends_after_its_own_last_step()
    {
        var decision = DecideFor(["First", "Second"], stepIndex: 1);

        Assert.Equal((RunStatus.Succeeded, null), (decision.NextStatus, decision.NextStepName));
    }

    [Fact]
    public void A_run_whose_next_step_is_another_than_the_worker_s_at_that_index_waits_for_a_worker_that_knows_it()
    {
        var decision = DecideFor(["First", "Inserted", "Second", "Third"], stepIndex: 0);

        Assert.Equal((RunStatus.Pending, "Inserted"), (decision.NextStatus, decision.NextStepName));
    }

    [Fact]
    public void A_run_started_with_other_steps_goes_on_with_this_worker_while_its_next_step_is_the_worker_s()
    {
        var decision = DecideFor(["First", "Second", "Third", "Fourth"], stepIndex: 1);

        Assert.Equal((RunStatus.Running, "Third"), (decision.NextStatus, decision.NextStepName));
        Assert.Null(decision.RunError);
    }

    private static StepCompletion DecideFor(IReadOnlyList<string> runSteps, int stepIndex) =>
        StepDecision.Decide(new AttemptOf(Run, 1, Gate, stepIndex, ThreeRetries, 1, null, runSteps), AttemptResult.Success("7", TimeSpan.Zero), new RetryDelayTests.FixedRandom(1));

    private static StepCompletion Decide(int stepIndex, int attempt, AttemptResult result, double random = 1) =>
        StepDecision.Decide(new AttemptOf(Run, 1, Gate, stepIndex, ThreeRetries, attempt), result, new RetryDelayTests.FixedRandom(random));

    private static AttemptResult Failure(Exception error) => AttemptResult.Failure(error, timedOut: false, TimeSpan.FromMilliseconds(1));
}
