using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Alerts;

/// <summary>Alert notices are kept with the state change and delivered until every sink took them (PostgreSQL hosts).</summary>
public sealed class AlertDeliveryTests
{
    [Fact]
    public async Task A_sink_down_for_a_minute_gets_the_notice_once_when_it_is_back()
    {
        var fixture = new AlertFixture();
        var pager = new RecoveringAlertSink(fixture.Clock, fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(1.5));
        await using var host = await fixture.EvaluatingHostAsync(s => s.AddSingleton<IAlertSink>(pager));
        await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
        await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        await Eventually.TrueAsync(() => Task.FromResult(pager.Refused.Count >= 1), "the pager to refuse the notice");

        await fixture.Clock.AdvanceUntilAsync(TimeSpan.FromSeconds(10), () => pager.Accepted.Count >= 1, "the pager to accept the notice once it is back");
        for (var evaluation = 0; evaluation < 4; evaluation++)
        {
            await fixture.AdvanceAndEvaluateAsync(host, AlertFixture.Interval);
        }

        var accepted = Assert.Single(pager.Accepted);
        Assert.Equal(AlertStatus.Firing, accepted.Status);
        Assert.NotEqual(Guid.Empty, accepted.Id);
        Assert.All(pager.Refused, refused => Assert.Equal(accepted.Id, refused.Id));
        Assert.Equal(accepted.Id, Assert.Single(fixture.Notices).Id);
    }

    [Fact]
    public async Task A_notice_a_stopped_host_was_sending_is_delivered_by_another_host()
    {
        var fixture = new AlertFixture();
        var cutOff = new GatedAlertSink(blocks: true);
        await using (var first = await fixture.EvaluatingHostAsync(s => s.AddSingleton<IAlertSink>(cutOff)))
        {
            await fixture.FinishRunsAsync(failed: 10, succeeded: 0);
            await fixture.AdvanceAndEvaluateAsync(first, AlertFixture.Interval);
            await cutOff.Entered.Task.WaitAsync(Eventually.Limit);
            await first.StopAsync();
        }

        var receiving = new GatedAlertSink(blocks: false);
        await using var second = await fixture.HostAsync(s => s.AddSingleton<IAlertSink>(receiving));
        await fixture.Clock.AdvanceUntilAsync(TimeSpan.FromSeconds(30), () => receiving.Notices.Count >= 1, "the second host to deliver the notice");

        Assert.Equal(AlertStatus.Firing, Assert.Single(receiving.Notices).Status);
        Assert.Equal(AlertStatus.Firing, Assert.Single(fixture.Notices).Status);
    }
}
