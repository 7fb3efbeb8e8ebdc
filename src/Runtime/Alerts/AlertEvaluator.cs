using Inquir.Typed.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Evaluates the alert rules once at start and then once per <see cref="AlertingOptions.EvaluationInterval"/>, in
/// every process whose worker is enabled. Only one process evaluates at a time (the others skip their turn), and the
/// state is in the database, so a breach fires once across workers and restarts. A failed evaluation is logged and
/// tried again at the next interval.
/// </summary>
internal sealed partial class AlertEvaluator(
    AlertEvaluation evaluation,
    AlertNotifier notifier,
    SchemaReadiness schema,
    IEnumerable<WorkflowRegistration> workflows,
    IOptions<InquirOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rules = AlertDefinitions.Build(options.Value, workflows, []);
        if (!options.Value.Worker.Enabled || rules.Count == 0)
        {
            return;
        }

        var alerting = options.Value.Alerting;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = time.GetUtcNow() + alerting.EvaluationInterval;
            try
            {
                await schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                var notices = await evaluation.RunAsync(rules, alerting.TopErrors, stoppingToken).ConfigureAwait(false);
                foreach (var notice in notices ?? [])
                {
                    await notifier.SendAsync(notice, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e, alerting.EvaluationInterval);
            }

            // The wait is measured from the evaluation's start and the clock read again, so that time spent evaluating
            // and notifying (or a test's clock moving on meanwhile) never pushes the next evaluation back.
            try
            {
                var delay = next - time.GetUtcNow();
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

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Evaluating the alert rules failed; trying again in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);
}
