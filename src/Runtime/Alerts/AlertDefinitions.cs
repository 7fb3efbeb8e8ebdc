using System.Globalization;

namespace Inquir.Typed;

/// <summary>
/// Turns <see cref="InquirOptions.Alerts"/> into definitions, naming the configuration key of every mistake: a
/// threshold outside 0–100 %, a window shorter than the evaluation interval, a workflow or step this host does not have,
/// a queue-lag rule without a queue, a setting of one kind given to a rule of another.
/// </summary>
internal static class AlertDefinitions
{
    public static IReadOnlyList<AlertDefinition> Build(InquirOptions options, IEnumerable<WorkflowRegistration> workflows, List<string> failures)
    {
        var alerting = options.Alerting;
        if (alerting.EvaluationInterval <= TimeSpan.Zero)
        {
            failures.Add($"Inquir:Alerting:EvaluationInterval must be positive; it is {alerting.EvaluationInterval}.");
        }

        if (alerting.TopErrors is < 0 or > 100)
        {
            failures.Add($"Inquir:Alerting:TopErrors must be between 0 and 100; it is {alerting.TopErrors}.");
        }

        if (alerting.SinkTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Inquir:Alerting:SinkTimeout must be positive; it is {alerting.SinkTimeout}.");
        }

        if (alerting.NoticeRetention <= TimeSpan.Zero)
        {
            failures.Add($"Inquir:Alerting:NoticeRetention must be positive; it is {alerting.NoticeRetention}.");
        }

        failures.AddRange(WebhookProblems(alerting.Webhook));

        var known = workflows.Select(w => w.Descriptor).GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var definitions = new List<AlertDefinition>();
        foreach (var (name, rule) in options.Alerts.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var before = failures.Count;
            var key = $"Inquir:Alerts:{name}";
            if (name.Length is 0 or > 200)
            {
                failures.Add($"{key}: an alert rule's name must be 1 to 200 characters long.");
            }

            if (rule.Kind != AlertKind.FailureRate)
            {
                var other = OtherKind(key, name, rule, failures);
                if (failures.Count == before && other is not null)
                {
                    definitions.Add(other);
                }

                continue;
            }

            if (rule.Queue is not null || rule.Over is not null)
            {
                failures.Add($"{key}: Queue and Over are settings of the QueueLag and NoLiveWorker kinds; a FailureRate rule has Workflow, ThresholdPercent and Window.");
            }

            if (string.IsNullOrWhiteSpace(rule.Workflow))
            {
                failures.Add($"{key}:Workflow is required: the stored name of the workflow the rule watches.");
            }
            else if (!known.TryGetValue(rule.Workflow, out var workflow))
            {
                failures.Add($"{key}:Workflow names the workflow '{rule.Workflow}', which this host does not have (known: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}).");
            }
            else if (rule.Step is not null && !workflow.Steps.Any(s => s.Name == rule.Step))
            {
                failures.Add($"{key}:Step names the step '{rule.Step}', which workflow '{rule.Workflow}' does not have (its steps: {string.Join(", ", workflow.Steps.Select(s => s.Name))}).");
            }

            if (rule.ThresholdPercent is not { } threshold)
            {
                failures.Add($"{key}:ThresholdPercent is required: the failure rate, in percent, above which the rule fires.");
                threshold = 0;
            }
            else if (!(threshold is >= 0 and <= 100))
            {
                failures.Add($"{key}:ThresholdPercent must be between 0 and 100; it is {Percent(threshold)}.");
            }

            var resolve = rule.ResolvePercent ?? threshold * AlertDefinition.DefaultResolveFraction;
            if (rule.ResolvePercent is { } given && !(given >= 0 && given <= threshold))
            {
                failures.Add($"{key}:ResolvePercent must be between 0 and ThresholdPercent ({Percent(threshold)}); it is {Percent(given)}.");
            }

            if (rule.Window < alerting.EvaluationInterval || rule.Window <= TimeSpan.Zero)
            {
                failures.Add($"{key}:Window must be at least Inquir:Alerting:EvaluationInterval ({alerting.EvaluationInterval}); it is {rule.Window}.");
            }

            if (rule.MinimumCount < 1)
            {
                failures.Add($"{key}:MinimumCount must be at least 1; it is {rule.MinimumCount}.");
            }

            if (failures.Count == before)
            {
                definitions.Add(new AlertDefinition(name, rule.Workflow!, rule.Step, threshold, resolve, rule.Window, rule.MinimumCount));
            }
        }

        return definitions;
    }

    // A queue-lag or no-live-worker rule: its Over (and Queue) set, and none of the failure-rate settings.
    private static AlertDefinition? OtherKind(string key, string name, AlertRule rule, List<string> failures)
    {
        if (!Enum.IsDefined(rule.Kind))
        {
            failures.Add($"{key}:Kind is {(int)rule.Kind}, which is no alert kind (FailureRate, QueueLag, NoLiveWorker).");
            return null;
        }

        if (rule.Workflow is not null || rule.Step is not null || rule.ThresholdPercent is not null || rule.ResolvePercent is not null)
        {
            failures.Add($"{key}: Workflow, Step, ThresholdPercent and ResolvePercent are settings of a FailureRate rule; a {rule.Kind} rule has {(rule.Kind == AlertKind.QueueLag ? "Queue and Over" : "Over")}.");
        }

        if (rule.Over is not { } over)
        {
            failures.Add($"{key}:Over is required for a {rule.Kind} rule: {(rule.Kind == AlertKind.QueueLag ? "how long the oldest due run may wait" : "how long the database may go without a worker's heartbeat")}.");
            over = TimeSpan.Zero;
        }
        else if (over <= TimeSpan.Zero)
        {
            failures.Add($"{key}:Over must be positive; it is {over}.");
        }

        if (rule.Kind == AlertKind.NoLiveWorker)
        {
            if (rule.Queue is not null)
            {
                failures.Add($"{key}:Queue is a setting of a QueueLag rule; a NoLiveWorker rule watches every worker of the database.");
            }

            return AlertDefinition.NoLiveWorker(name, over);
        }

        if (string.IsNullOrWhiteSpace(rule.Queue))
        {
            failures.Add($"{key}:Queue is required for a QueueLag rule: the queue whose oldest due run it watches.");
            return null;
        }

        if (!QueueName.IsValid(rule.Queue))
        {
            failures.Add($"{key}:Queue names '{rule.Queue}', which is not a queue name: a queue name is {QueueName.Rule}.");
        }

        return AlertDefinition.QueueLag(name, rule.Queue, over);
    }

    private static IEnumerable<string> WebhookProblems(AlertWebhookOptions webhook)
    {
        if (webhook.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"Inquir:Alerting:Webhook:Url must be an absolute http or https URL; it is '{url}'.";
        }

        if (webhook.MaxAttempts is < 1 or > 20)
        {
            yield return $"Inquir:Alerting:Webhook:MaxAttempts must be between 1 and 20; it is {webhook.MaxAttempts}.";
        }

        if (webhook.FirstRetryDelay < TimeSpan.Zero)
        {
            yield return $"Inquir:Alerting:Webhook:FirstRetryDelay must not be negative; it is {webhook.FirstRetryDelay}.";
        }

        if (webhook.RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"Inquir:Alerting:Webhook:RequestTimeout must be positive; it is {webhook.RequestTimeout}.";
        }
    }

    private static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " %";
}
