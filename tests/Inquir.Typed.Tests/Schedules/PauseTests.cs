using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Schedules;

public abstract class PauseTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task A_paused_schedule_starts_nothing_and_resumes_from_its_next_tick()
    {
        var fixture = new ScheduleFixture(Database);
        await using var host = await fixture.HostAsync();
        await ScheduleFixture.WaitUntilStoredAsync(host);
        var schedules = host.Services.GetRequiredService<IWorkflowSchedules>();

        await schedules.PauseAsync("every-minute");
        Assert.Empty((await schedules.ListAsync()).Single().NextTicks);
        for (var minute = 0; minute < 3; minute++)
        {
            fixture.Clock.SetUtcNow(ScheduleFixture.Tick(minute));
        }

        await schedules.ResumeAsync("every-minute");
        var resumed = (await schedules.ListAsync()).Single();
        Assert.True(resumed.IsActive);
        Assert.Equal(ScheduleFixture.Tick(3), resumed.NextTicks[0]);

        fixture.Clock.SetUtcNow(ScheduleFixture.Tick(3));
        await fixture.WaitForRunAsync(ScheduleFixture.Tick(3));

        Assert.Equal([ScheduleFixture.KeyOf(ScheduleFixture.Tick(3))], await fixture.KeysAsync());
    }

    [Fact]
    public async Task Paused_in_configuration_holds_the_schedule_paused_after_a_resume()
    {
        var fixture = new ScheduleFixture(Database);
        await using var host = await fixture.HostAsync(new Dictionary<string, string?> { ["Inquir:Schedules:every-minute:Paused"] = "true" });
        await ScheduleFixture.WaitUntilStoredAsync(host);
        var schedules = host.Services.GetRequiredService<IWorkflowSchedules>();

        await schedules.ResumeAsync("every-minute");

        var info = (await schedules.ListAsync()).Single();
        Assert.True(info.PausedByConfiguration);
        Assert.False(info.IsActive);
        Assert.Empty(info.NextTicks);
    }

    [Fact]
    public async Task Pausing_an_unknown_schedule_names_it()
    {
        var fixture = new ScheduleFixture(Database);
        await using var host = await fixture.HostAsync();

        var error = await Assert.ThrowsAsync<ScheduleNotFoundException>(() => host.Services.GetRequiredService<IWorkflowSchedules>().PauseAsync("nope"));

        Assert.Contains("'nope'", error.Message);
    }
}

public sealed class PostgresPauseTests() : PauseTests(TestStore.Postgres);

public sealed class SqlitePauseTests() : PauseTests(TestStore.Sqlite);
