using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Alerts;

public sealed class AlertConfigurationTests
{
    [Theory]
    [InlineData("ThresholdPercent", "150", "Inquir:Alerts:exports:ThresholdPercent must be between 0 and 100; it is 150 %.")]
    [InlineData("ThresholdPercent", "-1", "Inquir:Alerts:exports:ThresholdPercent must be between 0 and 100; it is -1 %.")]
    [InlineData("Window", "00:00:10", "Inquir:Alerts:exports:Window must be at least Inquir:Alerting:EvaluationInterval (00:00:30); it is 00:00:10.")]
    [InlineData("Workflow", "no-such-workflow", "Inquir:Alerts:exports:Workflow names the workflow 'no-such-workflow', which this host does not have (known: flaky).")]
    [InlineData("Step", "Charge", "Inquir:Alerts:exports:Step names the step 'Charge', which workflow 'flaky' does not have (its steps: Work).")]
    [InlineData("ResolvePercent", "30", "Inquir:Alerts:exports:ResolvePercent must be between 0 and ThresholdPercent (20 %); it is 30 %.")]
    [InlineData("MinimumCount", "0", "Inquir:Alerts:exports:MinimumCount must be at least 1; it is 0.")]
    public async Task A_bad_configured_rule_stops_the_host_naming_the_key(string key, string value, string expected)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Inquir:Alerts:exports:Workflow"] = "flaky",
            ["Inquir:Alerts:exports:ThresholdPercent"] = "20",
            [$"Inquir:Alerts:exports:{key}"] = value,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(configuration));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_rule_without_a_workflow_or_threshold_names_both_keys()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(new Dictionary<string, string?> { ["Inquir:Alerts:exports:Window"] = "00:05:00" }));

        Assert.Contains("Inquir:Alerts:exports:Workflow is required", error.Message);
        Assert.Contains("Inquir:Alerts:exports:ThresholdPercent is required", error.Message);
    }

    [Fact]
    public async Task A_bad_webhook_url_names_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Alerts:exports:Workflow"] = "flaky",
            ["Inquir:Alerts:exports:ThresholdPercent"] = "20",
            ["Inquir:Alerting:Webhook:Url"] = "ftp://alerts.example.com/hook",
        }));

        Assert.Contains("Inquir:Alerting:Webhook:Url must be an absolute http or https URL", error.Message);
    }

    [Fact]
    public async Task A_configured_rule_is_stored_with_its_defaults_and_listed()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Alerts:exports:Workflow"] = "flaky",
            ["Inquir:Alerts:exports:Step"] = "Work",
            ["Inquir:Alerts:exports:ThresholdPercent"] = "25",
        });
        var alerts = host.Services.GetRequiredService<IWorkflowAlerts>();
        await Eventually.TrueAsync(async () => (await alerts.ListAsync()).Count == 1, "the rule to be stored");

        var rule = Assert.Single(await alerts.ListAsync());

        Assert.Equal(
            ("exports", "flaky", (string?)"Work", 25.0, 20.0, TimeSpan.FromMinutes(10), 10, AlertState.Ok),
            (rule.Name, rule.Workflow, rule.Step, rule.ThresholdPercent, rule.ResolvePercent, rule.Window, rule.MinimumCount, rule.State));
    }

    [Theory]
    [InlineData("QueueLag", null, "00:05:00", "Inquir:Alerts:lag:Queue is required for a QueueLag rule")]
    [InlineData("QueueLag", "no spaces", "00:05:00", "Inquir:Alerts:lag:Queue names 'no spaces', which is not a queue name")]
    [InlineData("QueueLag", "exports", null, "Inquir:Alerts:lag:Over is required for a QueueLag rule")]
    [InlineData("NoLiveWorker", null, "-00:01:00", "Inquir:Alerts:lag:Over must be positive; it is -00:01:00.")]
    [InlineData("NoLiveWorker", "exports", "00:02:00", "Inquir:Alerts:lag:Queue is a setting of a QueueLag rule")]
    public async Task A_bad_queue_lag_or_no_live_worker_rule_stops_the_host_naming_the_key(string kind, string? queue, string? over, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Alerts:lag:Kind"] = kind,
            ["Inquir:Alerts:lag:Queue"] = queue,
            ["Inquir:Alerts:lag:Over"] = over,
        }));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_failure_rate_setting_on_a_rule_of_another_kind_names_the_kind_and_its_settings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Alerts:lag:Kind"] = "QueueLag",
            ["Inquir:Alerts:lag:Queue"] = "exports",
            ["Inquir:Alerts:lag:Over"] = "00:05:00",
            ["Inquir:Alerts:lag:ThresholdPercent"] = "20",
        }));

        Assert.Contains("Inquir:Alerts:lag: Workflow, Step, ThresholdPercent and ResolvePercent are settings of a FailureRate rule; a QueueLag rule has Queue and Over.", error.Message);
    }

    [Fact]
    public async Task Configured_queue_lag_and_no_live_worker_rules_are_stored_with_their_kind_and_listed()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Alerts:exports-lag:Kind"] = "QueueLag",
            ["Inquir:Alerts:exports-lag:Queue"] = "exports",
            ["Inquir:Alerts:exports-lag:Over"] = "00:05:00",
            ["Inquir:Alerts:workers-gone:Kind"] = "NoLiveWorker",
            ["Inquir:Alerts:workers-gone:Over"] = "00:02:00",
        });
        var alerts = host.Services.GetRequiredService<IWorkflowAlerts>();
        await Eventually.TrueAsync(async () => (await alerts.ListAsync()).Count(a => a.LastEvaluatedAt is not null) == 2, "both rules to be stored and evaluated");

        var (lag, gone) = ((await alerts.ListAsync())[0], (await alerts.ListAsync())[1]);

        Assert.Equal(("exports-lag", AlertKind.QueueLag, (string?)"exports", TimeSpan.FromMinutes(5), AlertState.Ok), (lag.Name, lag.Kind, lag.Queue, lag.Window, lag.State));
        Assert.Equal(("workers-gone", AlertKind.NoLiveWorker, (string?)null, TimeSpan.FromMinutes(2), AlertState.Ok), (gone.Name, gone.Kind, gone.Queue, gone.Window, gone.State));
    }

    private static Task<WorkerHost> StartAsync(IDictionary<string, string?> configuration) =>
        WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)))
                .AddSingleton(new StepLog())
                .AddWorkflow<FlakyWorkflow>(),
            configuration: configuration);
}
