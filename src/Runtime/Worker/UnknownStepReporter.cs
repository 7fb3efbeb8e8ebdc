using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// During a rolling deploy a run may wait at a step this deployment does not know: the claim leaves it for a
/// worker that knows it, and this loop reports such runs, once each, in the log, as a metric and in the run's
/// error (which <c>inquir runs show</c> and the history search read). It never fails them. A worker that hands on
/// a run whose next step it lacks (the run was started with other steps) reports that run itself, at once.
/// </summary>
internal sealed partial class UnknownStepReporter(IRunStore store, KnownSteps known, TimeProvider time, DatabaseClock clock, TimeSpan interval, ILogger logger)
{
    private const int BatchLimit = 100;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReportOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task ReportOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var waiting = await store.ReportUnknownStepsAsync(new ReportUnknownStepsRequest(known, clock.Now, BatchLimit), cancellationToken).ConfigureAwait(false);
            foreach (var group in waiting.GroupBy(r => (r.Workflow, Step: r.StepName ?? $"#{r.StepIndex + 1}")))
            {
                InquirTelemetry.RunsAtUnknownStep.Add(group.Count(), new("inquir.workflow", group.Key.Workflow), new("inquir.step", group.Key.Step));
                LogWaiting(group.Count(), group.Key.Workflow, group.Key.Step);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogReportFailed(e);
        }
    }

    [LoggerMessage(EventId = 1080, Level = LogLevel.Warning, Message = "{Count} due runs of workflow {Workflow} wait at step {Step}, which this deployment does not have; they are left for a worker that knows it")]
    private partial void LogWaiting(int count, string workflow, string step);

    [LoggerMessage(EventId = 1081, Level = LogLevel.Warning, Message = "Looking for runs at steps this deployment does not know failed; trying again next interval")]
    private partial void LogReportFailed(Exception exception);
}
