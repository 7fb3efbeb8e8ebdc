using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Alerts;

public sealed class FailureRateAlertTests
{
    [Fact]
    public async Task A_breach_fires_once_for_two_evaluators_in_two_hosts()
    {
        var fixture = new AlertFixture();
        await using var first = await fixture.EvaluatingHostAsync();
        await fixture.FinishRunsAsync(failed: 8, succeeded: 2);
        await using var second = await fixture.HostAsync();

        for (var evaluation = 0; evaluation < 5; evaluation++)
        {
            await fixture.AdvanceAndEvaluateAsync(first, AlertFixture.Interval);
        }

        await fixture.NoticesAsync(1);
        var notice = Assert.Single(fixture.Notices);
        Assert.Equal(AlertStatus.Firing, notice.Status);
        Assert.Equal((AlertFixture.Rule, "flaky", (string?)null, 80.0, 8, 10), (notice.Rule, notice.Workflow, notice.Step, notice.RatePercent, notice.Failures, notice.Total));
        Assert.Equal(new AlertError("downstream returned 503", 8), Assert.Single(notice.TopErrors));
        Assert.Null(notice.EndsAt);
        var info = await fixture.EvaluatedAsync(second);
        Assert.Equal((AlertState.Firing, notice.StartsAt, (double?)80.0), (info.State, info.Since, info.LastRatePercent));
    }

    [Fact]
    public async Task A_host_started_after_the_breach_does_not_fire_it_again()
    {
        var fixture = new AlertFixture();
        await using (var first = await fixture.EvaluatingHostAsync())
        {
            await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
            await fixture.AdvanceAndEvaluateAsync(first, AlertFixture.Interval);
            await fixture.NoticesAsync(1);
        }

        await using var restarted = await fixture.HostAsync();
        await fixture.AdvanceAndEvaluateAsync(restarted, AlertFixture.Interval);
        await fixture.AdvanceAndEvaluateAsync(restarted, AlertFixture.Interval);

        Assert.Equal(AlertStatus.Firing, Assert.Single(fixture.Notices).Status);
    }

    [Fact]
    public async Task The_alert_resolves_when_the_rate_falls_back()
    {
        var fixture = new AlertFixture();
        await using var host = await fixture.EvaluatingHostAsync();
        await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        await fixture.NoticesAsync(1);

        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Window);
        await fixture.FinishRunsAsync(failed: 1, succeeded: 19);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);

        await fixture.NoticesAsync(2);
        var (fired, resolved) = (fixture.Notices[0], fixture.Notices[1]);
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Equal((5.0, 1, 20), (resolved.RatePercent, resolved.Failures, resolved.Total));
        Assert.Equal(fired.StartsAt, resolved.StartsAt);
        Assert.Equal(fixture.Clock.GetUtcNow(), resolved.EndsAt);
        Assert.Equal(AlertState.Ok, (await fixture.EvaluatedAsync(host)).State);
    }

    [Fact]
    public async Task A_rate_between_the_resolve_level_and_the_threshold_keeps_the_alert_firing()
    {
        var fixture = new AlertFixture();
        await using var host = await fixture.EvaluatingHostAsync();
        await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        await fixture.NoticesAsync(1);

        // 45 % is under the threshold (50 %) but over the resolve level (four fifths of it, 40 %).
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Window);
        await fixture.FinishRunsAsync(failed: 9, succeeded: 11);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);

        Assert.Single(fixture.Notices);
        var info = await fixture.EvaluatedAsync(host);
        Assert.Equal((AlertState.Firing, (double?)45.0, 40.0), (info.State, info.LastRatePercent, info.ResolvePercent));
    }

    [Fact]
    public async Task No_alert_fires_under_the_minimum_count()
    {
        var fixture = new AlertFixture();
        await using var host = await fixture.EvaluatingHostAsync();
        await fixture.FinishRunsAsync(failed: 9, succeeded: 0);

        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        var info = await fixture.EvaluatedAsync(host);

        Assert.Empty(fixture.Notices);
        Assert.Equal((AlertState.Ok, (double?)null, (int?)9, (int?)9), (info.State, info.LastRatePercent, info.LastFailures, info.LastTotal));
    }

    [Fact]
    public async Task A_sink_that_throws_stops_neither_the_evaluator_nor_the_other_sinks()
    {
        var fixture = new AlertFixture();
        await using var host = await fixture.EvaluatingHostAsync(s => s.AddSingleton<IAlertSink, ThrowingAlertSink>());
        await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        await fixture.NoticesAsync(1);

        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Window);
        await fixture.FinishRunsAsync(failed: 0, succeeded: 10);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);

        await fixture.NoticesAsync(2);
        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], fixture.Notices.Select(n => n.Status));
        Assert.Contains(fixture.Logs.Entries, e => e.StartsWith("Error Inquir.Typed.AlertNotifier: Alert sink ThrowingAlertSink failed with the Resolved notice of rule flaky-failing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_step_rule_counts_the_step_s_attempts()
    {
        var fixture = new AlertFixture();
        await using var host = await fixture.EvaluatingHostAsync(rule: r =>
        {
            r.Step = "Work";
            r.MinimumCount = 8;
        });
        await fixture.AttemptAsync(failed: 3, succeeded: 1);
        await fixture.AttemptAsync(failed: 3, succeeded: 1);
        await fixture.FinishRunsAsync(failed: 0, succeeded: 20);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);

        await fixture.NoticesAsync(1);
        var notice = Assert.Single(fixture.Notices);
        Assert.Equal(("Work", 75.0, 6, 8), (notice.Step, notice.RatePercent, notice.Failures, notice.Total));
        Assert.Equal(new AlertError("timeout talking to the bank", 6), Assert.Single(notice.TopErrors));
    }

    [Fact]
    public async Task The_log_sink_writes_the_firing_alert_as_a_warning()
    {
        var fixture = new AlertFixture();
        await using var host = await fixture.EvaluatingHostAsync();
        await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        await fixture.NoticesAsync(1);

        await Eventually.TrueAsync(() => Task.FromResult(fixture.Logs.Entries.Any(m => m.StartsWith("Warning Inquir.Typed.LoggerAlertSink: Alert flaky-failing firing: flaky failed 100 %", StringComparison.Ordinal))), "the firing line in the log");
    }

    [Fact]
    public async Task A_configured_webhook_receives_the_firing_alert_from_the_evaluator()
    {
        var fixture = new AlertFixture();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await fixture.EvaluatingHostAsync(s => s.Configure<InquirOptions>(o => o.Alerting.Webhook.Url = receiver.Url));
        await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);

        await Eventually.TrueAsync(() => Task.FromResult(receiver.Bodies.Count == 1), "the webhook to be posted");
        var alert = receiver.Bodies[0]["alerts"]![0]!;
        Assert.Equal(("firing", "flaky-failing", "flaky"), ((string?)alert["status"], (string?)alert["labels"]!["alertname"], (string?)alert["labels"]!["workflow"]));
    }
}
