using System.Collections.Concurrent;
using Inquir.Typed.Generated;
using Inquir.Typed.Limits;
using Inquir.Typed.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Runs a claimed run's steps one after another: each attempt's outcome is committed before the next step
/// starts, and the run stays with this worker from step to step without being claimed again. A failed attempt
/// schedules its retry (or fails the run) and lets go of the run. Every decision about the lease is made by the
/// lease token of the claim: a later claim of the same run, a cancel or a lost renewal ends this attempt's hold.
/// </summary>
internal sealed partial class RunExecutor(
    WorkflowRegistry registry,
    IRunStore store,
    CompletionWriter writer,
    InFlightRuns inFlight,
    AbandonedSteps abandoned,
    IServiceScopeFactory scopes,
    IWorkflowClient client,
    TimeProvider time,
    DatabaseClock clock,
    IRandomSource random,
    ILoggerFactory loggerFactory,
    string workerId,
    InquirOptions options,
    LimitTable limits)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RunExecutor>();
    private readonly RunShapes _shapes = new(store);

    // One logger per workflow, made once: LoggerFactory.CreateLogger takes a lock on every call, and this is per attempt.
    private readonly ConcurrentDictionary<string, ILogger> _workflowLoggers = new(StringComparer.Ordinal);

    /// <summary>Runs the claimed run; <paramref name="claimSentAt"/> is when the claim that leased it was sent.</summary>
    public async Task ExecuteAsync(ClaimedRun claimed, long claimSentAt, ShutdownTokens shutdown)
    {
        using var lease = inFlight.Track(claimed.Held, claimSentAt);
        try
        {
            await RunStepsAsync(claimed, lease, shutdown).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The outcome could not be written: the lease runs out and another attempt takes the run.
            LogRunAbandoned(e, claimed.Id);
        }
    }

    private async Task RunStepsAsync(ClaimedRun claimed, InFlightRuns.Lease lease, ShutdownTokens shutdown)
    {
        // The claim takes only runs of registered workflows at steps this deployment knows. A run started by another
        // deployment may have other steps after this one (or none): it follows its own.
        var workflow = registry.Get(claimed.Workflow);
        var steps = workflow.Descriptor.Steps;
        var runSteps = await _shapes.StepsOfAsync(claimed, workflow.Descriptor, CancellationToken.None).ConfigureAwait(false);
        var stepIndex = claimed.StepIndex;
        var attempt = claimed.Attempt;
        var input = claimed.StepInput;
        var awaited = claimed.AwaitedRuns;
        var snoozes = claimed.Snoozes;
        var awaitedEvent = claimed.AwaitedEvent;
        InquirTelemetry.StepQueueWait.Record(
            claimed.QueueWait.TotalSeconds,
            MessagingTags.Of(MessagingTags.Destination(workflow.Descriptor), MessagingTags.Process, new("inquir.workflow", claimed.Workflow), new("inquir.step", steps[stepIndex].Name)));
        while (true)
        {
            var step = steps[stepIndex];
            var policy = workflow.Policies[stepIndex];
            if (input is null)
            {
                await FailAsync(lease, $"the checkpoint of step {stepIndex} that step '{step.Name}' takes as input is missing").ConfigureAwait(false);
                return;
            }

            if (awaited is null && awaitedEvent is null && attempt > policy.MaxAttempts)
            {
                // The last allowed attempt was abandoned by a worker that died; there is none left to make.
                await FailAsync(lease, $"step '{step.Name}' used all {policy.MaxAttempts} attempts; the last one was abandoned when its worker stopped renewing its lease").ConfigureAwait(false);
                return;
            }

            if (shutdown.Stopping.IsCancellationRequested)
            {
                await ReleaseAsync(lease, attemptStarted: false).ConfigureAwait(false);
                return;
            }

            var of = new AttemptOf(claimed.Held, claimed.Execution, workflow.Descriptor, stepIndex, policy, attempt, claimed.ParentRunId, runSteps)
            {
                Snoozes = snoozes,
                MaxSnoozes = policy.MaxSnoozes ?? options.Worker.MaxSnoozes,
            };

            // Scopes belong to the logger factory, so the step's own lines and the runtime's lines about this attempt
            // (succeeded, retrying, failed) all carry the run id, workflow, step and attempt.
            using var scope = _logger.BeginScope(new StepScope(claimed.Id, workflow.Descriptor.Name, step.Name, attempt));

            // A run woken by its children, or by an event or its timeout, takes their results as the step's outcome;
            // the step is not called again.
            var result = awaited is not null ? await ChildResults.ResolveAsync(store, step, awaited, time).ConfigureAwait(false)
                : awaitedEvent is not null ? await EventResults.ResolveAsync(store, step, claimed, awaitedEvent, time).ConfigureAwait(false)
                : await AttemptAsync(claimed, of, input, lease, shutdown).ConfigureAwait(false);
            awaited = null;
            awaitedEvent = null;
            if (result.Interrupted)
            {
                await ReleaseAsync(lease, attemptStarted: true).ConfigureAwait(false);
                return;
            }

            if (lease.IsLost)
            {
                LogLeaseLost(claimed.Id, step.Name);
                return;
            }

            var completion = await CommitAsync(of, result, lease, claimed).ConfigureAwait(false);
            if (completion is null)
            {
                LogLeaseLost(claimed.Id, step.Name);
                return;
            }

            if (completion.NextStatus != RunStatus.Running)
            {
                CountCommitted(workflow.Descriptor, completion);
                return;
            }

            lease.Keep();
            stepIndex++;
            attempt = 1;
            snoozes = 0;
            input = completion.Output;
        }
    }

    // Commits the attempt's outcome; an outcome the database refuses becomes a failed attempt with the reason, so
    // that only this attempt pays for its bad data. Null when the run is no longer held with this lease.
    private async Task<StepCompletion?> CommitAsync(AttemptOf of, AttemptResult result, InFlightRuns.Lease lease, ClaimedRun claimed)
    {
        var holdsSlots = claimed.HoldsSlots;
        var completion = Decide(of, result) with { HoldsSlots = holdsSlots };
        using var settle = completion.NextStatus is RunStatus.Succeeded or RunStatus.Failed
            ? RunSpans.Settle(claimed.Trace, of.Workflow, claimed.Id, completion.NextStatus)
            : null;
        lease.Settle();
        var written = await writer.SubmitAsync(completion).ConfigureAwait(false);
        if (written.Status == CompletionStatus.Refused)
        {
            var refused = AttemptResult.Failure(new StepOutputNotStorableException(written.RefusedBecause!), timedOut: false, result.Duration) with { Logs = result.Logs };
            completion = Decide(of, refused) with { ErrorStack = null, HoldsSlots = holdsSlots };
            settle?.SetTag("inquir.status", RunStatusText.Of(completion.NextStatus));
            written = await writer.SubmitAsync(completion).ConfigureAwait(false);
        }

        return written.Status switch
        {
            CompletionStatus.Committed => completion,
            CompletionStatus.Fenced => null,
            _ => throw new InvalidOperationException($"The database refused even the failure that stands in for the outcome of step '{completion.StepName}': {written.RefusedBecause}"),
        };
    }

    private async Task<AttemptResult> AttemptAsync(ClaimedRun claimed, AttemptOf of, string input, InFlightRuns.Lease lease, ShutdownTokens shutdown)
    {
        var workflow = of.Workflow;
        var step = workflow.Steps[of.StepIndex];
        var policy = of.Policy;
        using var timeout = policy.Timeout is { } limit ? new CancellationTokenSource(TimerLimit.Clamp(limit), time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lease.LostToken, shutdown.Abort);
        var started = time.GetTimestamp();
        var logger = _workflowLoggers.GetOrAdd(workflow.Name, static (name, factory) => factory.CreateLogger("Inquir.Typed.Workflows." + name), loggerFactory);
        var children = new ChildWorkflowClient(client, claimed.Id, StepContext.IdempotencyKeyOf(claimed.Id, step.Name));
        using var attemptLog = options.AttemptLogs.Enabled ? new AttemptLog(options.AttemptLogs, time) : null;
        var context = new StepContext(claimed.Id, workflow.Name, step.Name, of.StepIndex, of.Number, attemptLog is null ? logger : new CapturingLogger(logger, attemptLog), children);
        using var activity = StepActivity.Start(claimed, workflow, step.Name, of.Number);
        AttemptResult result;
        try
        {
            var output = await StepInvocation.RunAsync(
                async () =>
                {
                    // The scope lives as long as the invocation, even one that was abandoned after its timeout.
                    await using var services = scopes.CreateAsyncScope();
                    return await step.Invoker(services.ServiceProvider, input, context, linked.Token).ConfigureAwait(false);
                },
                policy.Timeout,
                options.Worker.TimeoutGracePeriod,
                abandoned,
                time).ConfigureAwait(false);
            if (step.Event is not null)
            {
                result = EventResults.FromHandle(output, time.GetElapsedTime(started));
            }
            else if (step.Awaits == ChildAwait.None)
            {
                StoreLimits.ThrowIfOutputNotStorable(output, options.MaxStepOutputBytes);
                result = AttemptResult.Success(output, time.GetElapsedTime(started)) with { Instruction = context.Instruction };
            }
            else
            {
                result = ChildResults.FromHandles(step, output, children, time.GetElapsedTime(started));
            }
        }
        catch (Exception e) when (shutdown.Abort.IsCancellationRequested && e is OperationCanceledException)
        {
            return AttemptResult.Interruption;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var timedOut = (timeout.IsCancellationRequested && e is OperationCanceledException) || e is StepAbandonedException;
            var failure = e is JsonStringTooLongException tooLong ? StoreLimits.OutputNotStorable(tooLong, options.MaxStepOutputBytes) : e;
            result = AttemptResult.Failure(failure, timedOut, time.GetElapsedTime(started));
            StepActivity.Fail(activity, failure);
        }

        result = result with { Logs = attemptLog?.Seal() };
        var destination = MessagingTags.Destination(workflow);
        var outcome = MessagingTags.Of(
            destination, MessagingTags.Process, new("inquir.workflow", workflow.Name), new("inquir.step", step.Name), new("inquir.outcome", result.Outcome.ToString()));
        InquirTelemetry.StepDuration.Record(result.Duration.TotalSeconds, outcome);
        InquirTelemetry.StepAttempts.Add(1, outcome);
        if (result.Error is { } error)
        {
            InquirTelemetry.StepFailures.Add(
                1, MessagingTags.Of(destination, MessagingTags.Process, new("inquir.workflow", workflow.Name), new("inquir.step", step.Name), new("error.type", error.GetType().FullName)));
        }

        return result;
    }

    private bool SameLimits(string workflow, int stepIndex) =>
        limits.GatesOf(workflow, stepIndex).SequenceEqual(limits.GatesOf(workflow, stepIndex + 1), StringComparer.Ordinal);

    private StepCompletion Decide(AttemptOf of, AttemptResult result)
    {
        var completion = StepDecision.Decide(of, result, random);
        var runId = of.Run.RunId;
        var step = completion.StepName;
        if (completion.NextStatus == RunStatus.Running && !SameLimits(of.Workflow.Name, of.StepIndex))
        {
            // The next step passes other limits than this one: the run is handed back, due now, and the claim lets it
            // through them (or holds it) and takes their slots; this step's slots come back in the same commit.
            LogStepSucceeded(runId, step, of.Number, result.Duration.TotalMilliseconds);
            return completion with { NextStatus = RunStatus.Pending, RetryDelay = TimeSpan.Zero };
        }

        switch (completion.NextStatus)
        {
            case RunStatus.Running or RunStatus.Succeeded:
                LogStepSucceeded(runId, step, of.Number, result.Duration.TotalMilliseconds);
                break;
            case RunStatus.Waiting when completion.AwaitedEvent is { } eventName:
                LogStepWaitingForEvent(runId, step, of.Number, eventName, completion.EventTimeout!.Value);
                break;
            case RunStatus.Waiting:
                LogStepWaiting(runId, step, of.Number, completion.AwaitedRuns!.Count);
                break;
            case RunStatus.Pending when completion.Outcome == AttemptOutcome.Snoozed:
                LogStepSnoozed(runId, step, of.Number, of.Snoozes + 1, of.MaxSnoozes, completion.RetryDelay!.Value.TotalMilliseconds);
                break;
            case RunStatus.Pending when completion is { Sleep: RunSleep.Sleeping, RunError: null }:
                LogStepSucceeded(runId, step, of.Number, result.Duration.TotalMilliseconds);
                LogSleeping(runId, completion.NextStepName!, completion.RetryDelay!.Value.TotalMilliseconds, completion.WakeAt);
                break;
            case RunStatus.Pending when completion.NextStepName is { } nextStep:
                LogStepSucceeded(runId, step, of.Number, result.Duration.TotalMilliseconds);
                LogLeftForAnotherDeployment(runId, nextStep, of.Workflow.Name);
                break;
            case RunStatus.Pending:
                LogRetryScheduled(runId, step, of.Number, of.Policy.MaxAttempts, completion.ErrorMessage!, completion.RetryDelay!.Value.TotalMilliseconds);
                break;
            case RunStatus.Failed when ErrorText.IsPermanent(result.Error!, of.Workflow.Steps[of.StepIndex]):
                LogStepFailedPermanently(result.Error!, runId, step, of.Number);
                break;
            default:
                LogRetriesExhausted(result.Error!, runId, step, of.Number);
                break;
        }

        return completion;
    }

    private static void CountCommitted(WorkflowDescriptor workflow, StepCompletion completion)
    {
        // A run asleep before its next step is neither a retry nor a finished run: it counts nowhere.
        if (completion.Outcome == AttemptOutcome.Snoozed)
        {
            InquirTelemetry.StepSnoozes.Add(1, MessagingTags.Of(MessagingTags.Destination(workflow), MessagingTags.Process, new("inquir.workflow", workflow.Name), new("inquir.step", completion.StepName)));
        }
        else if (completion is { NextStatus: RunStatus.Pending, NextStepName: { } nextStep, RunError: not null })
        {
            InquirTelemetry.RunsAtUnknownStep.Add(1, new("inquir.workflow", workflow.Name), new("inquir.step", nextStep));
        }
        else if (completion is { NextStatus: RunStatus.Pending, NextStepName: null })
        {
            InquirTelemetry.StepRetries.Add(1, MessagingTags.Of(MessagingTags.Destination(workflow), MessagingTags.Process, new("inquir.workflow", workflow.Name), new("inquir.step", completion.StepName)));
        }
        else if (completion.NextStatus is not (RunStatus.Waiting or RunStatus.Pending))
        {
            InquirTelemetry.RunsFinished.Add(
                1, MessagingTags.Of(MessagingTags.Destination(workflow), MessagingTags.Settle, new("inquir.workflow", workflow.Name), new("inquir.status", RunStatusText.Of(completion.NextStatus))));
        }
    }

    private async Task FailAsync(InFlightRuns.Lease lease, string reason)
    {
        LogRunFailedUnrunnable(lease.Run.RunId, reason);
        lease.Settle();
        await store.FailRunAsync(new FailRunRequest(lease.Run, reason, clock.Now), CancellationToken.None).ConfigureAwait(false);
    }

    private Task<int> ReleaseAsync(InFlightRuns.Lease lease, bool attemptStarted)
    {
        lease.Settle();
        return store.ReleaseAsync(new ReleaseRunsRequest([new ReleasedRun(lease.Run, attemptStarted)], workerId, clock.Now), CancellationToken.None);
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "Run {RunId}: step {Step} succeeded on attempt {Attempt} in {DurationMs:0.#} ms")]
    private partial void LogStepSucceeded(Guid runId, string step, int attempt, double durationMs);

    [LoggerMessage(EventId = 1027, Level = LogLevel.Information, Message = "Run {RunId}: step {Step} returned {Count} child runs on attempt {Attempt}; the run waits for them")]
    private partial void LogStepWaiting(Guid runId, string step, int attempt, int count);

    [LoggerMessage(EventId = 1029, Level = LogLevel.Information, Message = "Run {RunId}: step {Step} snoozed on attempt {Attempt} ({Snoozes} of at most {MaxSnoozes} snoozes); due again in {DelayMs:0} ms")]
    private partial void LogStepSnoozed(Guid runId, string step, int attempt, int snoozes, int maxSnoozes, double delayMs);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Run {RunId} sleeps before step {Step}: due {DelayMs:0} ms after the checkpoint, or at {WakeAt} when that is later")]
    private partial void LogSleeping(Guid runId, string step, double delayMs, DateTimeOffset? wakeAt);

    [LoggerMessage(EventId = 1090, Level = LogLevel.Information, Message = "Run {RunId}: step {Step} waits for event {Event} on attempt {Attempt}, for at most {Timeout}")]
    private partial void LogStepWaitingForEvent(Guid runId, string step, int attempt, string @event, TimeSpan timeout);

    [LoggerMessage(EventId = 1028, Level = LogLevel.Warning, Message = "Run {RunId}: its next step {Step} is not a step of workflow {Workflow} in this deployment (another deployment started the run); it is left for a worker that knows it")]
    private partial void LogLeftForAnotherDeployment(Guid runId, string step, string workflow);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "Run {RunId}: step {Step} attempt {Attempt}/{MaxAttempts} failed: {Error}; retrying in {DelayMs:0} ms")]
    private partial void LogRetryScheduled(Guid runId, string step, int attempt, int maxAttempts, string error, double delayMs);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "Run {RunId}: step {Step} failed permanently on attempt {Attempt}; the run failed")]
    private partial void LogStepFailedPermanently(Exception exception, Guid runId, string step, int attempt);

    [LoggerMessage(EventId = 1023, Level = LogLevel.Error, Message = "Run {RunId}: step {Step} failed on its last attempt ({Attempt}); the run failed")]
    private partial void LogRetriesExhausted(Exception exception, Guid runId, string step, int attempt);

    [LoggerMessage(EventId = 1024, Level = LogLevel.Error, Message = "Run {RunId} failed before any step could run: {Reason}")]
    private partial void LogRunFailedUnrunnable(Guid runId, string reason);

    [LoggerMessage(EventId = 1025, Level = LogLevel.Warning, Message = "Run {RunId}: the run was taken over by another claim or cancelled while step {Step} ran; this attempt's outcome is not committed")]
    private partial void LogLeaseLost(Guid runId, string step);

    [LoggerMessage(EventId = 1026, Level = LogLevel.Error, Message = "Run {RunId}: the worker could not record the step's outcome; the run is retried when its lease expires")]
    private partial void LogRunAbandoned(Exception exception, Guid runId);
}
