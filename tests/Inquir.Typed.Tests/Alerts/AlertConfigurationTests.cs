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

    private static Task<WorkerHost> StartAsync(IDictionary<string, string?> configuration) =>
        WorkerHost.StartAsync(
            TestDatabase.NewSchema(),
            s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)))
                .AddSingleton(new StepLog())
                .AddWorkflow<FlakyWorkflow>(),
            configuration: configuration);
}
