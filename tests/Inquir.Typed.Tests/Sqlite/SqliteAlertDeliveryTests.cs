using Inquir.Typed.Tests.Alerts;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary>Alert notices are kept with the state change and delivered until every sink took them (hosts on one SQLite file).</summary>
public sealed class SqliteAlertDeliveryTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly StepLog _steps = new() { FailWhen = _ => new ArgumentException("the card was declined") };
    private readonly RecordingAlertSink _recorded = new();
    private readonly string _file = SqliteFiles.NewPath();

    [Fact]
    public async Task On_sqlite_a_sink_down_for_a_minute_gets_the_notice_once_when_it_is_back()
    {
        var pager = new RecoveringAlertSink(_clock, _clock.GetUtcNow() + TimeSpan.FromMinutes(1.5));
        await using var host = await HostAsync(pager);
        await FireAsync(host);
        await Eventually.TrueAsync(() => Task.FromResult(pager.Refused.Count >= 1), "the pager to refuse the notice");

        await _clock.AdvanceUntilAsync(TimeSpan.FromSeconds(10), () => pager.Accepted.Count >= 1, "the pager to accept the notice once it is back");
        for (var evaluation = 0; evaluation < 4; evaluation++)
        {
            await EvaluatedAsync(host, _clock.GetUtcNow() + AlertFixture.Interval);
        }

        var accepted = Assert.Single(pager.Accepted);
        Assert.Equal(AlertStatus.Firing, accepted.Status);
        Assert.NotEqual(Guid.Empty, accepted.Id);
        Assert.All(pager.Refused, refused => Assert.Equal(accepted.Id, refused.Id));
        Assert.Equal(accepted.Id, Assert.Single(_recorded.Notices).Id);
    }

    [Fact]
    public async Task On_sqlite_a_notice_a_stopped_host_was_sending_is_delivered_by_another_host()
    {
        var cutOff = new GatedAlertSink(blocks: true);
        var first = await HostAsync(cutOff);
        await FireAsync(first);
        await cutOff.Entered.Task.WaitAsync(Eventually.Limit);
        await first.StopAsync();

        var receiving = new GatedAlertSink(blocks: false);
        await using var second = await HostAsync(receiving);
        await _clock.AdvanceUntilAsync(TimeSpan.FromSeconds(30), () => receiving.Notices.Count >= 1, "the second host to deliver the notice");

        Assert.Equal(AlertStatus.Firing, Assert.Single(receiving.Notices).Status);
        Assert.Equal(AlertStatus.Firing, Assert.Single(_recorded.Notices).Status);
    }

    private Task<SqliteHost> HostAsync(IAlertSink sink) => SqliteHost.StartAsync(
        s => s.AddSingleton<TimeProvider>(_clock).AddSingleton(_steps).AddWorkflow<FlakyWorkflow>().AddSingleton(sink).AddSingleton<IAlertSink>(_recorded).Configure<InquirOptions>(o =>
        {
            o.Alerts.Add("flaky-failing", new AlertRule { Workflow = "flaky", ThresholdPercent = 50, Window = TimeSpan.FromMinutes(10), MinimumCount = 3 });
            o.Alerting.EvaluationInterval = AlertFixture.Interval;
        }),
        w => w.LeaseDuration = TimeSpan.FromHours(1),
        _file);

    // Three runs fail, and the next evaluation fires the rule.
    private async Task FireAsync(SqliteHost host)
    {
        var alerts = host.Services.GetRequiredService<IWorkflowAlerts>();
        await Eventually.TrueAsync(async () => (await alerts.ListAsync()).Count == 1, "the rule stored by a first evaluation");
        var runs = new List<WorkflowRun<int>>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await host.Client.StartFlakyWorkflowAsync(i));
        }

        await Eventually.TrueAsync(async () => (await Task.WhenAll(runs.Select(r => r.GetStatusAsync()))).All(s => s == RunStatus.Failed), "the three runs to fail");
        await EvaluatedAsync(host, _clock.GetUtcNow() + AlertFixture.Interval);
        Assert.Equal(AlertState.Firing, (await alerts.ListAsync()).Single().State);
    }

    private async Task EvaluatedAsync(SqliteHost host, DateTimeOffset now)
    {
        _clock.SetUtcNow(now);
        var alerts = host.Services.GetRequiredService<IWorkflowAlerts>();
        await Eventually.TrueAsync(async () => (await alerts.ListAsync()).Single().LastEvaluatedAt >= now, $"an evaluation at {now:O}");
    }
}
