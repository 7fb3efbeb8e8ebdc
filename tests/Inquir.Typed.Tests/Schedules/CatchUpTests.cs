using Inquir.Typed.Tests.Infrastructure;

namespace Inquir.Typed.Tests.Schedules;

public abstract class CatchUpTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task With_Skip_ticks_missed_while_no_worker_ran_start_only_the_latest()
    {
        var fixture = new ScheduleFixture(Database);
        await using (var before = await fixture.HostAsync())
        {
            await ScheduleFixture.WaitUntilStoredAsync(before);
        }

        fixture.Clock.SetUtcNow(ScheduleFixture.Tick(9) + TimeSpan.FromSeconds(20));
        await using var after = await fixture.HostAsync();
        await fixture.WaitForRunAsync(ScheduleFixture.Tick(9));
        fixture.Clock.SetUtcNow(ScheduleFixture.Tick(10));
        await fixture.WaitForRunAsync(ScheduleFixture.Tick(10));

        Assert.Equal([ScheduleFixture.KeyOf(ScheduleFixture.Tick(9)), ScheduleFixture.KeyOf(ScheduleFixture.Tick(10))], await fixture.KeysAsync());
    }

    [Fact]
    public async Task With_All_every_missed_tick_starts_up_to_the_bound()
    {
        var fixture = new ScheduleFixture(Database);
        var configuration = new Dictionary<string, string?>
        {
            ["Inquir:Schedules:every-minute:CatchUp"] = "All",
            ["Inquir:Schedules:every-minute:MaxCatchUp"] = "5",
        };
        await using (var before = await fixture.HostAsync(configuration))
        {
            await ScheduleFixture.WaitUntilStoredAsync(before);
        }

        // Eight ticks (9:00 to 9:07) pass with no worker; the latest five are caught up.
        fixture.Clock.SetUtcNow(ScheduleFixture.Tick(7) + TimeSpan.FromSeconds(20));
        await using var after = await fixture.HostAsync(configuration);
        await fixture.WaitForRunAsync(ScheduleFixture.Tick(7));
        fixture.Clock.SetUtcNow(ScheduleFixture.Tick(8));
        await fixture.WaitForRunAsync(ScheduleFixture.Tick(8));

        Assert.Equal(Enumerable.Range(3, 6).Select(m => ScheduleFixture.KeyOf(ScheduleFixture.Tick(m))), await fixture.KeysAsync());
    }
}

public sealed class PostgresCatchUpTests() : CatchUpTests(TestStore.Postgres);

public sealed class SqliteCatchUpTests() : CatchUpTests(TestStore.Sqlite);
