using Inquir.Typed.Tests.Alerts;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>The health checks through the <see cref="HealthCheckService"/>, and the alert evaluator of two hosts, on one SQLite file.</summary>
public sealed class SqliteHealthAndAlertTests
{
    private const string Database = InquirHealthChecksBuilderExtensions.DatabaseCheckName;
    private const string Backlog = InquirHealthChecksBuilderExtensions.BacklogCheckName;

    [Fact]
    public async Task A_working_sqlite_host_is_healthy_on_all_three_health_checks()
    {
        await using var host = await SqliteHost.StartAsync(s => s.AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddHealthChecks().AddInquir());
        await (await host.Client.StartFlakyWorkflowAsync(1)).WaitAsync(Eventually.Limit);

        await Eventually.TrueAsync(async () => (await CheckAsync(host)).Status == HealthStatus.Healthy, "every check to be healthy");

        var report = await CheckAsync(host);
        Assert.Equal(3, report.Entries.Count);
        Assert.Equal("SQLite answers.", report.Entries[Database].Description);
    }

    [Fact]
    public async Task On_sqlite_the_oldest_due_run_makes_the_backlog_health_check_degraded_then_unhealthy()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await SqliteHost.StartAsync(
            s => s.AddSingleton<TimeProvider>(clock).AddSingleton(new StepLog()).AddWorkflow<FlakyWorkflow>().AddHealthChecks().AddInquir(), w => w.Enabled = false);
        await host.Client.StartFlakyWorkflowAsync(1);
        await host.Client.StartFlakyWorkflowAsync(2);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Entries[Backlog].Status);

        clock.Advance(TimeSpan.FromSeconds(90));
        var degraded = (await CheckAsync(host)).Entries[Backlog];
        clock.Advance(TimeSpan.FromMinutes(10));
        var unhealthy = (await CheckAsync(host)).Entries[Backlog];

        Assert.Equal((HealthStatus.Degraded, 2L, 90.0), (degraded.Status, (long)degraded.Data["due"], (double)degraded.Data["oldest_wait_seconds"]));
        Assert.Equal(HealthStatus.Unhealthy, unhealthy.Status);
    }

    [Fact]
    public async Task A_failure_rate_breach_fires_once_for_two_hosts_on_one_sqlite_file()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var sink = new RecordingAlertSink();
        var steps = new StepLog { FailWhen = _ => new ArgumentException("the card was declined") };
        var file = SqliteFiles.NewPath();
        void Services(IServiceCollection s) =>
            s.AddSingleton<TimeProvider>(clock).AddSingleton(steps).AddWorkflow<FlakyWorkflow>().AddSingleton<IAlertSink>(sink).Configure<InquirOptions>(o =>
            {
                o.Alerts.Add("flaky-failing", new AlertRule { Workflow = "flaky", ThresholdPercent = 50, Window = TimeSpan.FromMinutes(10), MinimumCount = 3 });
                o.Alerting.EvaluationInterval = AlertFixture.Interval;
            });
        await using var first = await SqliteHost.StartAsync(Services, w => w.LeaseDuration = TimeSpan.FromHours(1), file);
        await using var second = await SqliteHost.StartAsync(Services, w => w.LeaseDuration = TimeSpan.FromHours(1), file);
        var alerts = first.Services.GetRequiredService<IWorkflowAlerts>();
        await Eventually.TrueAsync(async () => (await alerts.ListAsync()).Count == 1, "the rule stored by a first evaluation");

        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await first.Client.StartFlakyWorkflowAsync(i));
        }

        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(runs.Select(r => r.GetStatusAsync()))).All(s => s == RunStatus.Failed), "the three runs to fail");
        for (var turn = 0; turn < 3; turn++)
        {
            var now = clock.GetUtcNow() + AlertFixture.Interval;
            clock.Advance(AlertFixture.Interval);
            await Eventually.TrueAsync(async () => (await alerts.ListAsync()).Single().LastEvaluatedAt >= now, $"an evaluation at {now:O}");
        }

        var fired = Assert.Single(sink.Notices);
        Assert.Equal((AlertStatus.Firing, 3, 3), (fired.Status, fired.Failures, fired.Total));
        Assert.Equal(AlertState.Firing, (await second.Services.GetRequiredService<IWorkflowAlerts>().ListAsync()).Single().State);
    }

    private static Task<HealthReport> CheckAsync(SqliteHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
}
