using Inquir.Typed.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Delivers the per-run notifications the database holds, in every worker process: claims due ones (each worker
/// its own, so two never post one together), posts each once, and records the answer: delivered on 2xx; otherwise
/// due again after a delay that doubles from <see cref="NotificationWebhookOptions.FirstRetryDelay"/> up to
/// <see cref="NotificationWebhookOptions.LongestRetryDelay"/>, until <see cref="NotificationWebhookOptions.MaxAttempts"/>
/// posts were made and it is given up with the last problem. Delivery is at least once: a process that stops mid-post
/// lets the claim's lease run out and another posts again, with the same <c>webhook-id</c>.
/// </summary>
internal sealed partial class RunNotificationDeliverer(
    IMonitoringStore store,
    RunNotificationSender sender,
    SchemaReadiness schema,
    IOptions<InquirOptions> options,
    TimeProvider time,
    ILogger<RunNotificationDeliverer> logger) : BackgroundService
{
    /// <summary>How often a worker looks for due notifications.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>How long a delivered or given-up notification is kept for the run's history.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const int ClaimSize = 20;

    private readonly Guid _owner = Guid.NewGuid();
    private readonly DatabaseClock _clock = new(time);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var webhooks = options.Value.NotificationWebhooks;
        if (!options.Value.Worker.Enabled || webhooks.Count == 0)
        {
            return;
        }

        var names = webhooks.Keys.ToList();

        // A claim holds its notifications for every post of the claim, each at most its request timeout, and a margin.
        var lease = webhooks.Values.Max(w => w.RequestTimeout) * ClaimSize + TimeSpan.FromSeconds(30);
        var nextCleanup = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await schema.EnsureAsync(stoppingToken).ConfigureAwait(false);
                while (await DeliverClaimAsync(names, lease, stoppingToken).ConfigureAwait(false))
                {
                }

                if (time.GetUtcNow() >= nextCleanup)
                {
                    nextCleanup = time.GetUtcNow() + TimeSpan.FromHours(1);
                    await store.DeleteOldNotificationsAsync(new DeleteOldNotificationsRequest(Retention, _clock.Now), stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(PollInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(e, PollInterval);
                try
                {
                    await Task.Delay(PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    // False when nothing was due.
    private async Task<bool> DeliverClaimAsync(IReadOnlyList<string> webhooks, TimeSpan lease, CancellationToken stoppingToken)
    {
        var claimed = await store.ClaimNotificationsAsync(new ClaimNotificationsRequest(_owner, lease, webhooks, ClaimSize, _clock.Now), stoppingToken).ConfigureAwait(false);
        foreach (var notification in claimed)
        {
            var problem = await sender.SendAsync(notification, stoppingToken).ConfigureAwait(false);
            var webhook = options.Value.NotificationWebhooks[notification.Webhook];
            var attempts = notification.Attempts + 1;
            var (state, retryIn) = problem is null ? (RunNotificationState.Delivered, (TimeSpan?)null)
                : attempts >= webhook.MaxAttempts ? (RunNotificationState.GivenUp, null)
                : (RunNotificationState.Pending, Backoff(webhook, attempts));
            await store.FinishNotificationAsync(
                new FinishNotificationRequest(_owner, notification.RunId, notification.Execution, state, retryIn, problem, _clock.Now), stoppingToken).ConfigureAwait(false);
            if (state == RunNotificationState.GivenUp)
            {
                LogGivenUp(notification.Workflow, notification.RunId, notification.Webhook, attempts, problem!);
            }
            else if (state == RunNotificationState.Pending)
            {
                LogRetrying(notification.Workflow, notification.RunId, notification.Webhook, attempts, problem!, retryIn!.Value);
            }
        }

        return claimed.Count > 0;
    }

    private static TimeSpan Backoff(NotificationWebhookOptions webhook, int attempts)
    {
        var delay = webhook.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay > webhook.LongestRetryDelay ? webhook.LongestRetryDelay : delay;
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Delivering per-run notifications failed; trying again in {Delay}")]
    private partial void LogFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Notification of {Workflow} run {RunId} to webhook {Webhook}: post {Attempt} failed ({Problem}); trying again in {Delay}")]
    private partial void LogRetrying(string workflow, Guid runId, string webhook, int attempt, string problem, TimeSpan delay);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Error, Message = "Notification of {Workflow} run {RunId} to webhook {Webhook} given up after {Attempts} posts; last: {Problem}")]
    private partial void LogGivenUp(string workflow, Guid runId, string webhook, int attempts, string problem);
}
