using Inquir.Typed.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Evaluates the alert rules once at start and then once per <see cref="AlertingOptions.EvaluationInterval"/>, in
/// every process whose worker is enabled (and in one whose worker is disabled when it has a no-live-worker rule), and delivers the stored notices that are due (after each evaluation and
/// every <see cref="AlertDelivery.PollInterval"/>). Only one process evaluates at a time (the others skip their
/// turn), and the state is in the database, so a breach fires once across workers and restarts. A failed evaluation
/// or delivery is logged and tried again at the next turn.
/// </summary>
internal sealed partial class AlertEvaluator(
    AlertEvaluation evaluation,
    AlertDelivery delivery,
    SchemaReadiness schema,
    IEnumerable<WorkflowRegistration> workflows,
    IOptions<InquirOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rules = AlertDefinitions.Build(options.Value, workflows, []);
        // A process whose worker is disabled evaluates only for a no-live-worker rule: it is the one that can still
        // tell when every worker is gone.
        if (rules.Count == 0 || (!options.Value.Worker.Enabled && !rules.Any(r => r.Kind == AlertKind.NoLiveWorker)))
        {
            return;
        }

        var alerting = options.Value.Alerting;
        var nextEvaluation = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            // The next evaluation is measured from this one's start and the clock read again after the work, so that
            // time spent evaluating and delivering (or a test's clock moving on meanwhile) never pushes it back.
            var now = time.GetUtcNow();
            try
            {
                await schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                if (now >= nextEvaluation)
                {
                    nextEvaluation = now + alerting.EvaluationInterval;
                    await evaluation.RunAsync(rules, alerting.TopErrors, stoppingToken).ConfigureAwait(false);
                    await delivery.DeleteOldAsync(stoppingToken).ConfigureAwait(false);
                }

                await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e, alerting.EvaluationInterval);
            }

            try
            {
                var wake = now + AlertDelivery.PollInterval < nextEvaluation ? now + AlertDelivery.PollInterval : nextEvaluation;
                var delay = wake - time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Evaluating the alert rules or delivering their notices failed; trying again in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);
}
