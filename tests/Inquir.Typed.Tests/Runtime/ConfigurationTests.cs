using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Runtime;

public abstract class ConfigurationTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task Configuration_overrides_a_step_s_retries_without_a_rebuild()
    {
        var log = new StepLog { FailWhen = _ => new InvalidOperationException("always") };
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(log).AddWorkflow<FlakyWorkflow>(),
            configuration: new Dictionary<string, string?> { ["Inquir:Workflows:flaky:Steps:Work:Retries"] = "0" });

        var run = await host.Client.StartFlakyWorkflowAsync(1);
        await Assert.ThrowsAsync<WorkflowFailedException>(() => run.WaitAsync(Eventually.Limit));

        Assert.Equal(1, log.Executions(run.Id, "Work"));
    }

    [Fact]
    public async Task Configuration_overrides_every_policy_value()
    {
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(),
            w => w.Enabled = false,
            new Dictionary<string, string?>
            {
                ["Inquir:Workflows:flaky:Steps:Work:Retries"] = "9",
                ["Inquir:Workflows:flaky:Steps:Work:Backoff"] = "linear",
                ["Inquir:Workflows:flaky:Steps:Work:Delay"] = "2s",
                ["Inquir:Workflows:flaky:Steps:Work:MaxDelay"] = "1m30s",
                ["Inquir:Workflows:flaky:Steps:Work:Timeout"] = "45s",
            });

        var policy = host.Services.GetRequiredService<WorkflowRegistry>().Get("flaky").Policies[0];

        Assert.Equal(new StepPolicy(9, BackoffKind.Linear, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(45)), policy);
    }

    [Theory]
    [InlineData("Retries", "many", "not a whole number")]
    [InlineData("Retries", "-1", "Retries must be between 0 and 1000")]
    [InlineData("Backoff", "sometimes", "\"exp\", \"linear\", \"fixed\" or \"none\"")]
    [InlineData("Delay", "5 parsecs", "is not a duration")]
    public async Task A_bad_override_stops_the_host_with_a_message_naming_the_key(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await WorkerHost.StartAsync(
                Database,
                s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(),
                configuration: new Dictionary<string, string?> { [$"Inquir:Workflows:flaky:Steps:Work:{key}"] = value });
        });

        Assert.Contains("Inquir:Workflows:flaky:Steps:Work", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task The_Inquir_section_configures_the_runtime()
    {
        await using var host = await WorkerHost.StartAsync(
            Database,
            s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>(),
            w => w.Enabled = false,
            new Dictionary<string, string?> { ["Inquir:Worker:Concurrency"] = "3" });

        Assert.Equal(3, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InquirOptions>>().Value.Worker.Concurrency);
    }
}

public sealed class PostgresConfigurationTests() : ConfigurationTests(TestStore.Postgres);

public sealed class SqliteConfigurationTests() : ConfigurationTests(TestStore.Sqlite);
