using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// Runs that wait without a worker (docs/waits.md), through the worker, on a fake clock: steps asleep before they run
/// (After), a delayed value handed to the next step, snoozes that use no retry and are bounded, and deadlines that
/// cancel a running step or a waiting child and fail the run. Once per store.
/// </summary>
public abstract class WaitTests(TestStore store) : OnEveryStore(store)
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_three_step_pipeline_sleeps_in_the_database_before_each_After_step_and_then_runs()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StepLog();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(log).AddWorkflow<SleepyPipelineWorkflow>());

        var run = await host.Client.StartSleepyPipelineWorkflowAsync(1);

        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()) is { Status: RunStatus.Pending, CurrentStepIndex: 1 }, "the run to sleep before Middle");
        var asleep = await run.GetInfoAsync();
        Assert.Equal(("Middle", (DateTimeOffset?)Start.AddHours(1), (RunSleep?)RunSleep.Sleeping), (asleep.CurrentStep, asleep.NextAttemptAt, asleep.Sleep));
        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.Empty(await ProbeAsync(host, "sleepy-pipeline", ["Begin", "Middle", "End"], clock.GetUtcNow()));
        Assert.Equal(0, log.Executions(run.Id, "Middle"));

        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()) is { Status: RunStatus.Pending, CurrentStepIndex: 2 }, "the run to sleep before End");
        Assert.Equal((DateTimeOffset?)Start.AddHours(1).AddMinutes(30), (await run.GetInfoAsync()).NextAttemptAt);
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal("got 20", await run.WaitAsync(Eventually.Limit));
        var steps = (await host.History.GetAsync(run.Id))!.Steps;
        Assert.Equal([Start, Start.AddHours(1), Start.AddHours(1).AddMinutes(30)], steps.Select(s => Assert.Single(s.Attempts).StartedAt));
        Assert.Null((await run.GetInfoAsync()).Sleep);
    }

    [Fact]
    public async Task A_Delayed_output_is_the_next_step_s_input_once_its_delay_has_passed()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StepLog();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(log).AddWorkflow<DelayedHandoffWorkflow>());

        var run = await host.Client.StartDelayedHandoffWorkflowAsync("ship it");

        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()) is { Status: RunStatus.Pending, CurrentStep: "Finish" }, "the run to sleep before Finish");
        Assert.Equal((DateTimeOffset?)Start.AddMinutes(10), (await run.GetInfoAsync()).NextAttemptAt);
        Assert.Equal(0, log.Executions(run.Id, "Finish"));
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("SHIP IT!", await run.WaitAsync(Eventually.Limit));
        var prepare = (await host.History.GetAsync(run.Id))!.Steps[0];
        Assert.Equal("\"SHIP IT\"", prepare.Checkpoint!.Output);
    }

    [Fact]
    public async Task A_snoozing_step_with_no_retries_is_tried_again_later_and_succeeds_when_its_input_is_ready()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StepLog();
        var gate = new SnoozeGate();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(log).AddSingleton(gate).AddWorkflow<SnoozingWorkflow>());

        var run = await host.Client.StartSnoozingWorkflowAsync(21);

        await SnoozedAsync(run, log, times: 1);
        var snoozed = await run.GetInfoAsync();
        Assert.Equal(((DateTimeOffset?)Start.AddMinutes(5), (RunSleep?)RunSleep.Snoozed, 0), (snoozed.NextAttemptAt, snoozed.Sleep, snoozed.Attempt));
        clock.Advance(TimeSpan.FromMinutes(5));
        await SnoozedAsync(run, log, times: 2);
        gate.Open = true;
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(42, await run.WaitAsync(Eventually.Limit));
        var attempts = Assert.Single((await host.History.GetAsync(run.Id))!.Steps).Attempts;
        Assert.Equal([StepAttemptOutcome.Snoozed, StepAttemptOutcome.Snoozed, StepAttemptOutcome.Succeeded], attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.Equal(1, a.Number));
    }

    [Fact]
    public async Task A_step_that_snoozes_past_its_bound_fails_the_run_permanently_with_the_reason()
    {
        var clock = new FakeTimeProvider(Start);
        var log = new StepLog();
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(log).AddSingleton(new SnoozeGate()).AddWorkflow<SnoozingWorkflow>());

        var run = await host.Client.StartSnoozingWorkflowAsync(1);
        for (var snoozes = 1; snoozes <= 3; snoozes++)
        {
            await SnoozedAsync(run, log, snoozes);
            clock.Advance(TimeSpan.FromMinutes(5));
        }

        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));
        var info = await run.GetInfoAsync();
        Assert.Contains("step 'Poll' failed permanently on attempt 1", info.Error, StringComparison.Ordinal);
        Assert.Contains("snoozed 3 times, the most it may (MaxSnoozes)", info.Error, StringComparison.Ordinal);
        var attempts = Assert.Single((await host.History.GetAsync(run.Id))!.Steps).Attempts;
        Assert.Equal([StepAttemptOutcome.Snoozed, StepAttemptOutcome.Snoozed, StepAttemptOutcome.Snoozed, StepAttemptOutcome.Failed], attempts.Select(a => a.Outcome));
        Assert.Equal(typeof(SnoozeLimitExceededException).FullName, attempts[^1].ErrorType);
    }

    [Fact]
    public async Task A_deadline_passing_while_a_step_runs_cancels_its_token_and_fails_the_run()
    {
        var clock = new FakeTimeProvider(Start);
        var step = new HangingStep();

        // A lease longer than the deadline, so that only the deadline can take the run from its worker.
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton<TimeProvider>(clock).AddSingleton(step).AddWorkflow<DeadlineHangWorkflow>(),
            worker: o => o.LeaseDuration = TimeSpan.FromMinutes(10));

        var run = await host.Client.StartDeadlineHangWorkflowAsync(7);
        await step.Started.Task.WaitAsync(Eventually.Limit);
        Assert.Equal((DateTimeOffset?)Start.AddMinutes(1), (await run.GetInfoAsync()).DeadlineAt);
        clock.Advance(TimeSpan.FromMinutes(1));

        await step.Cancelled.Task.WaitAsync(Eventually.Limit);
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));
        var info = await run.GetInfoAsync();
        Assert.StartsWith("DeadlineExceeded: the run's deadline of 1m passed at 2026-04-01 08:01:00 UTC", info.Error, StringComparison.Ordinal);
        var attempt = Assert.Single(Assert.Single((await host.History.GetAsync(run.Id))!.Steps).Attempts);
        Assert.Equal((StepAttemptOutcome.Failed, typeof(DeadlineExceededException).FullName), (attempt.Outcome, attempt.ErrorType));
    }

    [Fact]
    public async Task A_deadline_passing_while_a_run_waits_for_its_child_cancels_the_child_and_fails_the_run()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await WorkerHost.StartAsync(
            Database, s => s.AddSingleton<TimeProvider>(clock).AddWorkflow<DeadlineParentWorkflow>().AddWorkflow<LateChildWorkflow>());

        var run = await host.Client.StartDeadlineParentWorkflowAsync(3);
        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()).Status == RunStatus.Waiting, "the parent to wait for its child");
        var child = Assert.Single((await host.History.GetAsync(run.Id))!.Children);
        clock.Advance(TimeSpan.FromMinutes(10));

        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));
        Assert.StartsWith("DeadlineExceeded: the run's deadline of 10m passed", (await run.GetInfoAsync()).Error, StringComparison.Ordinal);
        var cancelled = (await host.Client.GetRunAsync(child.Id))!;
        Assert.Equal((RunStatus.Cancelled, ChildCancellation.AncestorFailed(run.Id)), (cancelled.Status, cancelled.Error));
    }

    [Fact]
    public async Task A_start_s_own_deadline_overrides_the_workflow_s()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await WorkerHost.StartAsync(Database, s => s.AddSingleton<TimeProvider>(clock).AddSingleton(new HangingStep()).AddWorkflow<DeadlineHangWorkflow>(), start: false);

        var run = await host.Client.StartDeadlineHangWorkflowAsync(1, new StartOptions { Deadline = TimeSpan.FromHours(3) });

        Assert.Equal((DateTimeOffset?)Start.AddHours(3), (await run.GetInfoAsync()).DeadlineAt);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.StartDeadlineHangWorkflowAsync(1, new StartOptions { Deadline = TimeSpan.Zero }));
    }

    [Fact]
    public async Task A_short_sleep_outlives_its_worker_and_a_new_worker_runs_the_next_step_once_it_is_due()
    {
        // The one test on the real clock: the sleep is timed by the database, across a worker restart.
        var log = new StepLog();
        var first = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddWorkflow<NapWorkflow>());
        var run = await first.Client.StartNapWorkflowAsync("cat");
        await Eventually.TrueAsync(async () => (await run.GetInfoAsync()) is { Status: RunStatus.Pending, CurrentStep: "Wake" }, "the run to nap before Wake");
        await first.DisposeAsync();

        await using var second = await WorkerHost.StartAsync(Database, s => s.AddSingleton(log).AddWorkflow<NapWorkflow>());

        await Eventually.TrueAsync(async () => (await second.Client.GetRunAsync(run.Id))?.Status == RunStatus.Succeeded, "the new worker to finish the run");
        Assert.Equal("\"cat rested\"", (await second.Client.GetRunAsync(run.Id))!.Result);
        var steps = (await second.History.GetAsync(run.Id))!.Steps;
        Assert.True(Assert.Single(steps[1].Attempts).StartedAt - steps[0].Checkpoint!.CompletedAt >= TimeSpan.FromSeconds(2), "Wake ran before the nap was over");
        Assert.Equal(1, log.Executions(run.Id, "Doze"));
    }

    private static async Task SnoozedAsync(WorkflowRun<int> run, StepLog log, int times) =>
        await Eventually.TrueAsync(
            async () => log.Executions(run.Id, "Poll") == times && (await run.GetInfoAsync()) is { Status: RunStatus.Pending, Sleep: RunSleep.Snoozed },
            $"the step to have snoozed {times} times");

    private static Task<IReadOnlyList<ClaimedRun>> ProbeAsync(WorkerHost host, string workflow, string[] steps, DateTimeOffset now) =>
        host.Services.GetRequiredService<IRunStore>().ClaimAsync(new ClaimRequest("probe", new KnownSteps([(workflow, steps)]), 10, TimeSpan.FromMinutes(1), now), CancellationToken.None);
}

public sealed class PostgresWaitTests() : WaitTests(TestStore.Postgres);

public sealed class SqliteWaitTests() : WaitTests(TestStore.Sqlite);
