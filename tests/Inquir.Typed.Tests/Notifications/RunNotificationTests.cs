using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed.Tests.Notifications;

/// <summary>
/// Per-run notifications end to end on each store: a worker host runs <c>flaky</c> (whose step fails with a permanent
/// ArgumentException unless a test says otherwise) and posts to a real Kestrel receiver that checks the Standard
/// Webhooks signature with the receiver-side verifier of Inquir.Typed.AspNetCore.
/// </summary>
public abstract class RunNotificationTests(TestStore store) : OnEveryStore(store)
{
    private readonly StepLog _log = new() { FailWhen = _ => new ArgumentException("the card was declined") };

    [Fact]
    public async Task A_failed_run_is_posted_once_signed_with_a_stable_id_and_its_delivery_shows_in_the_history()
    {
        await using var receiver = await SignedWebhookReceiver.StartAsync();
        await using var host = await HostAsync(receiver);

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await DeliveredAsync(host, run.Id, "the failed run's notification to be delivered");

        var post = Assert.Single(receiver.Posts);
        Assert.True(post.Verification.IsValid, post.Verification.Problem);
        Assert.Equal($"run_{run.Id:N}_1", post.WebhookId);
        Assert.Equal(("run.failed", run.Id.ToString("D"), "flaky", "failed", 1), (
            (string?)post.Body["type"], (string?)post.Body["data"]!["runId"], (string?)post.Body["data"]!["workflow"], (string?)post.Body["data"]!["status"], (int)post.Body["data"]!["execution"]!));
        Assert.Contains("the card was declined", (string?)post.Body["data"]!["error"], StringComparison.Ordinal);
        var notification = Assert.Single((await host.History.GetAsync(run.Id))!.Notifications);
        Assert.Equal((1, RunStatus.Failed, "ops", RunNotificationState.Delivered, 1, (string?)null), (
            notification.Execution, notification.Outcome, notification.Webhook, notification.State, notification.Attempts, notification.LastError));
        Assert.Equal(1, await Database.History.CountAsync("run_notifications"));
    }

    [Fact]
    public async Task A_receiver_that_answers_500_twice_gets_three_posts_with_a_growing_wait_and_one_delivery()
    {
        await using var receiver = await SignedWebhookReceiver.StartAsync(500, 500);
        await using var host = await HostAsync(receiver, w => w.FirstRetryDelay = TimeSpan.FromSeconds(1));

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await DeliveredAsync(host, run.Id, "the notification to be delivered at the third post");

        var posts = receiver.Posts;
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.True(p.Verification.IsValid, p.Verification.Problem));
        Assert.Single(posts.Select(p => p.WebhookId).Distinct());

        // Lower bounds only: the backoff (1 s, then 2 s) is the least the deliverer waits; a loaded machine waits longer.
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromSeconds(0.9), $"second post {posts[1].ReceivedAt - posts[0].ReceivedAt} after the first");
        Assert.True(posts[2].ReceivedAt - posts[1].ReceivedAt >= TimeSpan.FromSeconds(1.9), $"third post {posts[2].ReceivedAt - posts[1].ReceivedAt} after the second");
        var notification = Assert.Single((await host.History.GetAsync(run.Id))!.Notifications);
        Assert.Equal((RunNotificationState.Delivered, 3), (notification.State, notification.Attempts));
    }

    [Fact]
    public async Task A_notification_refused_at_every_post_is_given_up_with_the_last_answer()
    {
        await using var receiver = await SignedWebhookReceiver.StartAsync(503, 500, 500);
        await using var host = await HostAsync(receiver, w =>
        {
            w.FirstRetryDelay = TimeSpan.FromMilliseconds(100);
            w.MaxAttempts = 2;
        });

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await Eventually.TrueAsync(
            async () => (await host.History.GetAsync(run.Id))!.Notifications is [{ State: RunNotificationState.GivenUp }],
            "the notification to be given up");

        Assert.Equal(2, receiver.Posts.Count);
        var notification = Assert.Single((await host.History.GetAsync(run.Id))!.Notifications);
        Assert.Equal((2, "HTTP 500 Internal Server Error"), (notification.Attempts, notification.LastError));
    }

    [Fact]
    public async Task A_run_that_succeeds_is_not_posted_when_only_failures_are_asked_for()
    {
        await using var receiver = await SignedWebhookReceiver.StartAsync();
        await using var host = await HostAsync(receiver);

        var failing = _log.FailWhen;
        _log.FailWhen = _ => null;
        var succeeded = await host.Client.StartFlakyWorkflowAsync(1);
        Assert.Equal(2, await succeeded.WaitAsync(Eventually.Limit));
        _log.FailWhen = failing;
        var failed = await host.Client.StartFlakyWorkflowAsync(1);
        await DeliveredAsync(host, failed.Id, "the later failed run's notification");

        // The deliverer posts in the order runs ended, so the succeeded run would have been posted first.
        Assert.Equal([$"run_{failed.Id:N}_1"], receiver.Posts.Select(p => p.WebhookId));
        Assert.Empty((await host.History.GetAsync(succeeded.Id))!.Notifications);
    }

    [Fact]
    public async Task A_run_that_ended_in_a_process_that_stopped_before_delivering_is_delivered_by_the_next()
    {
        await using var receiver = await SignedWebhookReceiver.StartAsync();
        var first = await HostAsync(receiver, withoutDeliverer: true);
        var run = await first.Client.StartFlakyWorkflowAsync(1);
        await Eventually.TrueAsync(async () => (await Database.History.StatusAsync(run.Id)).Status == "failed", "the run to fail");
        await first.DisposeAsync();
        Assert.Empty(receiver.Posts);
        Assert.Equal(1, await Database.History.CountAsync("run_notifications", "state = 'pending'"));

        await using var second = await HostAsync(receiver);
        await DeliveredAsync(second, run.Id, "the notification the stopped process left to be delivered");

        Assert.Equal([$"run_{run.Id:N}_1"], receiver.Posts.Select(p => p.WebhookId));
    }

    [Fact]
    public async Task Two_hosts_on_one_database_post_each_notification_once()
    {
        await using var receiver = await SignedWebhookReceiver.StartAsync();
        await using var a = await HostAsync(receiver);
        await using var b = await HostAsync(receiver);

        var runs = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            runs.Add((await (i % 2 == 0 ? a : b).Client.StartFlakyWorkflowAsync(i)).Id);
        }

        await Eventually.TrueAsync(
            async () => await Database.History.CountAsync("run_notifications", "state = 'delivered'") == runs.Count,
            "every notification to be delivered");

        Assert.Equal(runs.Select(r => $"run_{r:N}_1").Order(), receiver.Posts.Select(p => p.WebhookId!).Order());
        Assert.Equal(30, await Database.History.CountAsync("run_notifications", "attempts = 1"));
    }

    // withoutDeliverer: a process that stops (or dies) after its runs ended and before its deliverer posted anything.
    private Task<WorkerHost> HostAsync(SignedWebhookReceiver receiver, Action<NotificationWebhookOptions>? webhook = null, bool withoutDeliverer = false) =>
        WorkerHost.StartAsync(Database, s =>
        {
            s.AddSingleton(_log).AddWorkflow<FlakyWorkflow>();
            s.Configure<InquirOptions>(o =>
            {
                o.Notifications["flaky"] = new RunNotification { On = RunOutcomes.Failed, Webhook = "ops" };
                var options = new NotificationWebhookOptions { Url = receiver.Url, Secret = SignedWebhookReceiver.Secret, FirstRetryDelay = TimeSpan.FromSeconds(1) };
                webhook?.Invoke(options);
                o.NotificationWebhooks["ops"] = options;
            });
            if (withoutDeliverer)
            {
                s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RunNotificationDeliverer)));
            }
        });

    private static Task DeliveredAsync(WorkerHost host, Guid runId, string what) =>
        Eventually.TrueAsync(async () => (await host.History.GetAsync(runId))?.Notifications is [{ State: RunNotificationState.Delivered }], what);
}

public sealed class PostgresRunNotificationTests() : RunNotificationTests(TestStore.Postgres);

public sealed class SqliteRunNotificationTests() : RunNotificationTests(TestStore.Sqlite);
