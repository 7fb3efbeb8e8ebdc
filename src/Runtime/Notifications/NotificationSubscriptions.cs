namespace Inquir.Typed;

/// <summary>
/// Turns <see cref="InquirOptions.Notifications"/> and the workflows' <see cref="NotifyAttribute"/> into subscriptions,
/// naming the configuration key of every mistake: a workflow this host does not have, no outcome, a webhook defined
/// nowhere, a webhook without an http(s) URL or a readable secret, bounds out of range.
/// </summary>
internal static class NotificationSubscriptions
{
    public static IReadOnlyList<NotificationSubscription> Build(InquirOptions options, IEnumerable<WorkflowRegistration> workflows, List<string> failures)
    {
        var known = workflows.Select(w => w.Descriptor).GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (name, webhook) in options.NotificationWebhooks.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            failures.AddRange(WebhookProblems($"Inquir:NotificationWebhooks:{name}", webhook));
        }

        var wanted = new Dictionary<string, (RunNotification Notification, string Key)>(StringComparer.Ordinal);
        foreach (var descriptor in known.Values.Where(d => d.Notification is not null))
        {
            wanted[descriptor.Name] = (descriptor.Notification!, $"Workflow '{descriptor.Name}' [Notify]");
        }

        foreach (var (workflow, notification) in options.Notifications)
        {
            var key = $"Inquir:Notifications:{workflow}";
            if (!known.ContainsKey(workflow))
            {
                failures.Add($"{key} names the workflow '{workflow}', which this host does not have (known: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}).");
                continue;
            }

            wanted[workflow] = (notification, key);
        }

        var subscriptions = new List<NotificationSubscription>();
        foreach (var (workflow, (notification, key)) in wanted.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            var before = failures.Count;
            if ((notification.On & RunOutcomes.Finished) == RunOutcomes.None || (notification.On & ~RunOutcomes.Finished) != RunOutcomes.None)
            {
                failures.Add($"{key}:On must name Failed, Succeeded, Cancelled or a combination (Finished: all); it is '{notification.On}'.");
            }

            if (string.IsNullOrWhiteSpace(notification.Webhook))
            {
                failures.Add($"{key}:Webhook is required: the name of a webhook under Inquir:NotificationWebhooks.");
            }
            else if (!options.NotificationWebhooks.ContainsKey(notification.Webhook))
            {
                var defined = options.NotificationWebhooks.Count == 0 ? "none is defined" : "defined: " + string.Join(", ", options.NotificationWebhooks.Keys.Order(StringComparer.Ordinal));
                failures.Add($"{key}:Webhook names the webhook '{notification.Webhook}', which is defined nowhere: add Inquir:NotificationWebhooks:{notification.Webhook} with its Url and Secret ({defined}).");
            }

            if (failures.Count == before)
            {
                subscriptions.Add(new NotificationSubscription(workflow, notification.On, notification.Webhook!));
            }
        }

        return subscriptions;
    }

    private static IEnumerable<string> WebhookProblems(string key, NotificationWebhookOptions webhook)
    {
        if (webhook.Url is not { } url)
        {
            yield return $"{key}:Url is required: the http or https URL notifications are posted to.";
        }
        else if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{key}:Url must be an absolute http or https URL; it is '{url}'.";
        }

        if (string.IsNullOrWhiteSpace(webhook.Secret) || !StandardWebhookSignature.TryDecodeSecret(webhook.Secret, out var secretKey) || secretKey.Length == 0)
        {
            yield return $"{key}:Secret is required and must be \"{StandardWebhookSignature.SecretPrefix}\" followed by base64 (the value is not repeated here).";
        }

        if (webhook.MaxAttempts is < 1 or > 100)
        {
            yield return $"{key}:MaxAttempts must be between 1 and 100; it is {webhook.MaxAttempts}.";
        }

        if (webhook.FirstRetryDelay <= TimeSpan.Zero)
        {
            yield return $"{key}:FirstRetryDelay must be positive; it is {webhook.FirstRetryDelay}.";
        }

        if (webhook.LongestRetryDelay < webhook.FirstRetryDelay)
        {
            yield return $"{key}:LongestRetryDelay must be at least FirstRetryDelay ({webhook.FirstRetryDelay}); it is {webhook.LongestRetryDelay}.";
        }

        if (webhook.RequestTimeout <= TimeSpan.Zero)
        {
            yield return $"{key}:RequestTimeout must be positive; it is {webhook.RequestTimeout}.";
        }
    }
}
