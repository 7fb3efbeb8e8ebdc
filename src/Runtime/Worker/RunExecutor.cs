using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Inquir.Typed.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// Runs a claimed run's steps one after another: each attempt's outcome is committed before the next step
/// starts, and the run stays with this worker from step to step without being claimed again. A failed attempt
/// schedules its retry (or fails the run) and lets go of the run.
/// </summary>
internal sealed partial class RunExecutor(
    WorkflowRegistry registry,
    IRunStore store,
    CompletionWriter writer,
    InFlightRuns inFlight,
    IServiceScopeFactory scopes,
    IWorkflowClient client,
    TimeProvider time,
    IRandomSource random,
    ILoggerFactory loggerFactory,
    string workerId,
    InquirOptions options)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RunExecutor>();

    // One logger per workflow, made once: LoggerFactory.CreateLogger takes a lock on every call, and this is per attempt.
    private readonly ConcurrentDictionary<string, ILogger> _workflowLoggers = new(StringComparer.Ordinal);

    public async Task ExecuteAsync(ClaimedRun claimed, ShutdownTokens shutdown)
    {
        using var lease = inFlight.Track(claimed.Held);
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
        if (!registry.TryGet(claimed.Workflow, out var workflow))
        {
            await FailAsync(claimed.Held, $"workflow '{claimed.Workflow}' is not registered in this deployment").ConfigureAwait(false);
            return;
        }

        var steps = workflow.Descriptor.Steps;
        var stepIndex = claimed.StepIndex;
        var attempt = claimed.Attempt;
        var input = claimed.StepInput;
        while (true)
        {
            if (stepIndex >= steps.Count)
            {
                await FailAsync(claimed.Held, $"the run is at step {stepIndex + 1}, but workflow '{workflow.Descriptor.Name}' has {steps.Count} steps in this deployment").ConfigureAwait(false);
                return;
            }

            var step = steps[stepIndex];
            if (stepIndex == claimed.StepIndex && claimed.StepName is { } storedName && storedName != step.Name)
            {
                await FailAsync(claimed.Held, $"the run is at step '{storedName}' (step {stepIndex + 1}), but step {stepIndex + 1} of workflow '{workflow.Descriptor.Name}' is '{step.Name}' in this deployment").ConfigureAwait(false);
                return;
            }

            var policy = workflow.Policies[stepIndex];
            if (input is null)
            {
                await FailAsync(claimed.Held, $"the checkpoint of step {stepIndex} that step '{step.Name}' takes as input is missing").ConfigureAwait(false);
                return;
            }

            if (attempt > policy.MaxAttempts)
            {
                // The last allowed attempt was abandoned by a worker that died; there is none left to make.
                await FailAsync(claimed.Held, $"step '{step.Name}' used all {policy.MaxAttempts} attempts; the last one was abandoned when its worker stopped renewing its lease").ConfigureAwait(false);
                return;
            }

            if (shutdown.Stopping.IsCancellationRequested)
            {
                await ReleaseAsync(claimed.Held).ConfigureAwait(false);
                return;
            }

            var result = await AttemptAsync(claimed, workflow.Descriptor, step, policy, stepIndex, attempt, input, lease, shutdown).ConfigureAwait(false);
            if (result.Interrupted)
            {
                await ReleaseAsync(claimed.Held).ConfigureAwait(false);
                return;
            }

            if (lease.IsLost)
            {
                LogLeaseLost(claimed.Id, step.Name);
                return;
            }

            var completion = Decide(claimed.Held, workflow.Descriptor, step, policy, stepIndex, attempt, result);
            var committed = await writer.SubmitAsync(completion).ConfigureAwait(false);
            if (!committed)
            {
                LogLeaseLost(claimed.Id, step.Name);
                return;
            }

            if (completion.NextStatus != RunStatus.Running)
            {
                CountCommitted(workflow.Descriptor, completion);
                return;
            }

            stepIndex++;
            attempt = 1;
            input = result.Output;
        }
    }

    private async Task<AttemptResult> AttemptAsync(
        ClaimedRun claimed, WorkflowDescriptor workflow, StepDescriptor step, StepPolicy policy, int stepIndex, int attempt, string input, InFlightRuns.Lease lease, ShutdownTokens shutdown)
    {
        using var timeout = policy.Timeout is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lease.LostToken, shutdown.Abort);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var logger = _workflowLoggers.GetOrAdd(workflow.Name, static (name, factory) => factory.CreateLogger("Inquir.Typed.Workflows." + name), loggerFactory);
        var children = new ChildWorkflowClient(client, claimed.Id, StepContext.IdempotencyKeyOf(claimed.Id, step.Name));
        var context = new StepContext(claimed.Id, workflow.Name, step.Name, stepIndex, attempt, logger, children);
        using var scope = logger.BeginScope(new StepScope(claimed.Id, workflow.Name, step.Name, attempt));
        using var activity = InquirTelemetry.ActivitySource.StartActivity($"step {workflow.Name}/{step.Name}");
        activity?.SetTag("inquir.run_id", claimed.Id);
        activity?.SetTag("inquir.attempt", attempt);
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
                time).ConfigureAwait(false);
            ThrowIfTooLarge(output);
            result = AttemptResult.Success(output, startedAt, time.GetElapsedTime(started));
        }
        catch (Exception e) when (shutdown.Abort.IsCancellationRequested && e is OperationCanceledException)
        {
            return AttemptResult.Interruption;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var timedOut = (timeout.IsCancellationRequested && e is OperationCanceledException) || e is StepAbandonedException;
            result = AttemptResult.Failure(e, timedOut, startedAt, time.GetElapsedTime(started));
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
        }

        InquirTelemetry.StepDuration.Record(
            result.Duration.TotalSeconds,
            new("inquir.workflow", workflow.Name),
            new("inquir.step", step.Name),
            new("inquir.outcome", result.Outcome.ToString()));
        return result;
    }

    private void ThrowIfTooLarge(string output)
    {
        var limit = options.MaxStepOutputBytes;
        if ((long)output.Length * 3 > limit && Encoding.UTF8.GetByteCount(output) is var bytes && bytes > limit)
        {
            throw new StepOutputTooLargeException(bytes, limit);
        }
    }

    private StepCompletion Decide(HeldRun run, WorkflowDescriptor workflow, StepDescriptor step, StepPolicy policy, int stepIndex, int attempt, AttemptResult result)
    {
        var completion = new StepCompletion
        {
            Run = run,
            StepIndex = stepIndex,
            StepName = step.Name,
            Attempt = attempt,
            Outcome = result.Outcome,
            Output = result.Output,
            NextStatus = RunStatus.Running,
            StartedAt = result.StartedAt,
            Duration = result.Duration,
            ErrorType = result.Error?.GetType().FullName,
            ErrorMessage = result.Error is null ? null : ErrorText.Message(result.Error, result.Outcome, policy),
            ErrorStack = result.Error?.ToString(),
        };

        if (result.Error is null)
        {
            var last = stepIndex == workflow.Steps.Count - 1;
            LogStepSucceeded(run.RunId, step.Name, attempt, result.Duration.TotalMilliseconds);
            return last
                ? completion with { NextStatus = RunStatus.Succeeded }
                : completion with { NextStepName = workflow.Steps[stepIndex + 1].Name };
        }

        if (ErrorText.IsPermanent(result.Error, step))
        {
            LogStepFailedPermanently(result.Error, run.RunId, step.Name, attempt);
            return completion with
            {
                NextStatus = RunStatus.Failed,
                RunError = $"step '{step.Name}' failed permanently on attempt {attempt}: {completion.ErrorMessage}",
            };
        }

        if (attempt >= policy.MaxAttempts)
        {
            LogRetriesExhausted(result.Error, run.RunId, step.Name, attempt);
            return completion with
            {
                NextStatus = RunStatus.Failed,
                RunError = $"step '{step.Name}' failed on all {attempt} attempts; last error: {completion.ErrorMessage}",
            };
        }

        var delay = RetryDelay.WithJitter(policy, attempt, random);
        LogRetryScheduled(run.RunId, step.Name, attempt, policy.MaxAttempts, completion.ErrorMessage!, delay.TotalMilliseconds);
        return completion with
        {
            NextStatus = RunStatus.Pending,
            NextAttemptAt = time.GetUtcNow() + delay,
            RunError = $"attempt {attempt} of step '{step.Name}' failed: {completion.ErrorMessage}",
        };
    }

    private static void CountCommitted(WorkflowDescriptor workflow, StepCompletion completion)
    {
        if (completion.NextStatus == RunStatus.Pending)
        {
            InquirTelemetry.StepRetries.Add(1, new("inquir.workflow", workflow.Name), new("inquir.step", completion.StepName));
        }
        else
        {
            InquirTelemetry.RunsFinished.Add(1, new("inquir.workflow", workflow.Name), new("inquir.status", RunStatusText.Of(completion.NextStatus)));
        }
    }

    private async Task FailAsync(HeldRun run, string reason)
    {
        LogRunFailedUnrunnable(run.RunId, reason);
        await store.FailRunAsync(run, reason, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    private Task<int> ReleaseAsync(HeldRun run) => store.ReleaseAsync([run], workerId, time.GetUtcNow(), CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: step {Step} succeeded on attempt {Attempt} in {DurationMs:0.#} ms")]
    private partial void LogStepSucceeded(Guid runId, string step, int attempt, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: step {Step} attempt {Attempt}/{MaxAttempts} failed: {Error}; retrying in {DelayMs:0} ms")]
    private partial void LogRetryScheduled(Guid runId, string step, int attempt, int maxAttempts, string error, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: step {Step} failed permanently on attempt {Attempt}; the run failed")]
    private partial void LogStepFailedPermanently(Exception exception, Guid runId, string step, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: step {Step} failed on its last attempt ({Attempt}); the run failed")]
    private partial void LogRetriesExhausted(Exception exception, Guid runId, string step, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed before any step could run: {Reason}")]
    private partial void LogRunFailedUnrunnable(Guid runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the run was taken over by another worker or cancelled while step {Step} ran; this worker's outcome is not committed")]
    private partial void LogLeaseLost(Guid runId, string step);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId}: the worker could not record the step's outcome; the run is retried when its lease expires")]
    private partial void LogRunAbandoned(Exception exception, Guid runId);
}
