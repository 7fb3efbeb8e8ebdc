using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Notifications;

/// <summary>Notifications from configuration and from [Notify], and the start-up check of both, on a SQLite file.</summary>
public sealed class NotificationConfigurationTests : IDisposable
{
    private readonly StoreDatabase _database = StoreDatabase.Sqlite(SqliteFiles.NewPath());

    [Fact]
    public async Task A_configured_notification_and_its_webhook_are_bound_and_stored_for_the_trigger()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Notifications:flaky:On"] = "Failed, Cancelled",
            ["Inquir:Notifications:flaky:Webhook"] = "ops",
            ["Inquir:NotificationWebhooks:ops:Url"] = "https://ops.example.com/inquir",
            ["Inquir:NotificationWebhooks:ops:Secret"] = SignedWebhookReceiver.Secret,
        });

        Assert.Null(await host.History.GetAsync(Guid.NewGuid()));   // the schema is there once this answers
        await Eventually.TrueAsync(async () => await _database.History.CountAsync("notification_subscriptions") == 2, "the worker to store its subscriptions");
        await using var connection = await _database.OpenAsync();
        var rows = (await connection.QueryAsync<(string Workflow, long Failed, long Succeeded, long Cancelled, string Webhook)>(
            "SELECT workflow, on_failed, on_succeeded, on_cancelled, webhook FROM notification_subscriptions ORDER BY workflow")).ToList();
        Assert.Equal([("flaky", 1L, 0L, 1L, "ops"), ("notified", 1L, 1L, 1L, "ops")], rows);
    }

    [Fact]
    public async Task A_notification_naming_a_webhook_defined_nowhere_stops_the_host()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Notifications:flaky:Webhook"] = "pager",
        }));

        Assert.Contains("Inquir:Notifications:flaky:Webhook names the webhook 'pager', which is defined nowhere: add Inquir:NotificationWebhooks:pager with its Url and Secret (none is defined).", error.Message);
        Assert.Contains("Workflow 'notified' [Notify]:Webhook names the webhook 'ops', which is defined nowhere", error.Message);
    }

    [Theory]
    [InlineData("Url", "ftp://ops.example.com/hook", "Inquir:NotificationWebhooks:ops:Url must be an absolute http or https URL; it is 'ftp://ops.example.com/hook'.")]
    [InlineData("Secret", "whsec_not base64!", "Inquir:NotificationWebhooks:ops:Secret is required and must be \"whsec_\" followed by base64 (the value is not repeated here).")]
    [InlineData("MaxAttempts", "0", "Inquir:NotificationWebhooks:ops:MaxAttempts must be between 1 and 100; it is 0.")]
    [InlineData("LongestRetryDelay", "00:00:01", "Inquir:NotificationWebhooks:ops:LongestRetryDelay must be at least FirstRetryDelay (00:00:10); it is 00:00:01.")]
    public async Task A_bad_webhook_setting_stops_the_host_naming_the_key(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:NotificationWebhooks:ops:Url"] = "https://ops.example.com/inquir",
            ["Inquir:NotificationWebhooks:ops:Secret"] = SignedWebhookReceiver.Secret,
            [$"Inquir:NotificationWebhooks:ops:{key}"] = value,
        }));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("not base64!", error.Message);
    }

    [Fact]
    public async Task A_notification_of_a_workflow_the_host_does_not_have_or_with_no_outcome_names_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Notifications:export-data:Webhook"] = "ops",
            ["Inquir:Notifications:flaky:On"] = "None",
            ["Inquir:Notifications:flaky:Webhook"] = "ops",
            ["Inquir:NotificationWebhooks:ops:Url"] = "https://ops.example.com/inquir",
            ["Inquir:NotificationWebhooks:ops:Secret"] = SignedWebhookReceiver.Secret,
        }));

        Assert.Contains("Inquir:Notifications:export-data names the workflow 'export-data', which this host does not have (known: flaky, notified).", error.Message);
        Assert.Contains("Inquir:Notifications:flaky:On must name Failed, Succeeded, Cancelled or a combination (Finished: all); it is 'None'.", error.Message);
    }

    public void Dispose() => _database.Delete();

    private Task<WorkerHost> StartAsync(IDictionary<string, string?> configuration) =>
        WorkerHost.StartAsync(_database, s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddWorkflow<NotifiedWorkflow>(), configuration: configuration);
}
