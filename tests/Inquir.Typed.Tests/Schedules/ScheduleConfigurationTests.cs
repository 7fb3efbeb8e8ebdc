using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Schedules;

public abstract class ScheduleConfigurationTests(TestStore store) : OnEveryStore(store)
{
    [Theory]
    [InlineData("Cron", "61 * * * *", "Inquir:Schedules:nightly:Cron: \"61 * * * *\" is not a cron expression")]
    [InlineData("Cron", "0 3 * *", "Inquir:Schedules:nightly:Cron: \"0 3 * *\" is not a cron expression: it has 4 fields")]
    [InlineData("TimeZone", "Mars/Olympus_Mons", "Inquir:Schedules:nightly:TimeZone: \"Mars/Olympus_Mons\" is not a time zone")]
    [InlineData("Workflow", "no-such-workflow", "Inquir:Schedules:nightly:Workflow: no workflow named 'no-such-workflow' is registered")]
    [InlineData("Workflow", "flaky", "Inquir:Schedules:nightly: workflow 'flaky' takes Int32, not ScheduledTick")]
    [InlineData("MaxCatchUp", "0", "Inquir:Schedules:nightly:MaxCatchUp: must be at least 1")]
    public async Task A_bad_configured_schedule_stops_the_host_naming_the_schedule_and_the_key(string key, string value, string expected)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Inquir:Schedules:nightly:Workflow"] = "every-minute",
            ["Inquir:Schedules:nightly:Cron"] = "0 3 * * *",
            ["Inquir:Schedules:nightly:TimeZone"] = "Europe/Berlin",
            [$"Inquir:Schedules:nightly:{key}"] = value,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(configuration));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_configured_schedule_without_a_workflow_or_cron_names_both_keys()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(new Dictionary<string, string?> { ["Inquir:Schedules:nightly:TimeZone"] = "UTC" }));

        Assert.Contains("Inquir:Schedules:nightly:Workflow is not set", error.Message);
        Assert.Contains("Inquir:Schedules:nightly:Cron is not set", error.Message);
    }

    [Fact]
    public async Task A_bad_override_of_an_attribute_schedule_names_the_key()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(new Dictionary<string, string?> { ["Inquir:Schedules:every-minute:Cron"] = "every minute" }));

        Assert.Contains("Inquir:Schedules:every-minute:Cron: \"every minute\" is not a cron expression", error.Message);
    }

    [Fact]
    public async Task A_configured_input_must_fit_the_workflow()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Schedules:ping:Workflow"] = "flaky",
            ["Inquir:Schedules:ping:Cron"] = "*/5 * * * *",
            ["Inquir:Schedules:ping:Input"] = "\"seven\"",
        }));

        Assert.Contains("Inquir:Schedules:ping:Input: it is not an input of workflow 'flaky'", error.Message);
    }

    [Fact]
    public async Task Configuration_adds_a_schedule_with_seconds_in_a_time_zone_and_lists_its_next_ticks()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Inquir:Schedules:berlin-breakfast:Workflow"] = "every-minute",
            ["Inquir:Schedules:berlin-breakfast:Cron"] = "30 0 7 * * *",
            ["Inquir:Schedules:berlin-breakfast:TimeZone"] = "Europe/Berlin",
        });
        var schedules = host.Services.GetRequiredService<IWorkflowSchedules>();
        await Eventually.TrueAsync(async () => (await schedules.ListAsync()).Count == 2, "both schedules to be stored");

        var breakfast = (await schedules.ListAsync()).Single(s => s.Name == "berlin-breakfast");

        // 2026-03-29 is the day Berlin moves from UTC+1 to UTC+2: 07:00:30 local is 06:00:30 UTC before it, 05:00:30 after.
        Assert.Equal("Europe/Berlin", breakfast.TimeZone);
        Assert.Equal(
            [new DateTimeOffset(2026, 3, 28, 6, 0, 30, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 5, 0, 30, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 5, 0, 30, TimeSpan.Zero)],
            breakfast.NextTicks);
    }

    private Task<WorkerHost> StartAsync(IDictionary<string, string?> configuration) =>
        WorkerHost.StartAsync(
            NewDatabase(),
            s => s.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero)))
                .AddSingleton(new StepLog())
                .AddWorkflow<EveryMinuteWorkflow>()
                .AddWorkflow<FlakyWorkflow>(),
            configuration: configuration);
}

public sealed class PostgresScheduleConfigurationTests() : ScheduleConfigurationTests(TestStore.Postgres);

public sealed class SqliteScheduleConfigurationTests() : ScheduleConfigurationTests(TestStore.Sqlite);
