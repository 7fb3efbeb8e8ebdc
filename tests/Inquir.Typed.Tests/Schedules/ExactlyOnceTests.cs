using Inquir.Typed.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Tests.Schedules;

public abstract class ExactlyOnceTests(TestStore store) : OnEveryStore(store)
{
    [Fact]
    public async Task Three_workers_on_one_database_start_exactly_one_run_per_tick()
    {
        var fixture = new ScheduleFixture(Database);
        await using var first = await fixture.HostAsync();
        await using var second = await fixture.HostAsync();
        await using var third = await fixture.HostAsync();
        await ScheduleFixture.WaitUntilStoredAsync(first);

        const int ticks = 25;
        for (var minute = 0; minute < ticks; minute++)
        {
            fixture.Clock.SetUtcNow(ScheduleFixture.Tick(minute));
            await fixture.WaitForRunAsync(ScheduleFixture.Tick(minute));
        }

        var keys = await fixture.KeysAsync();
        Assert.Equal(Enumerable.Range(0, ticks).Select(m => ScheduleFixture.KeyOf(ScheduleFixture.Tick(m))), keys);
    }

    [Fact]
    public async Task A_tick_starts_the_workflow_with_its_ScheduledTick()
    {
        var fixture = new ScheduleFixture(Database);
        await using var host = await fixture.HostAsync();
        await ScheduleFixture.WaitUntilStoredAsync(host);

        fixture.Clock.SetUtcNow(ScheduleFixture.Tick(0));
        await fixture.WaitForRunAsync(ScheduleFixture.Tick(0));

        var run = (await host.Services.GetRequiredService<IWorkflowHistory>().SearchAsync(new RunQuery { IdempotencyKey = ScheduleFixture.KeyOf(ScheduleFixture.Tick(0)) })).Runs.Single();
        await Eventually.TrueAsync(async () => (await host.Client.GetRunAsync(run.Id))!.Status == RunStatus.Succeeded, "the run to succeed");
        // The stored JSON string read as a string: jsonb spells '+' as itself, SQLite keeps the runtime's "\u002B".
        Assert.Equal(
            "every-minute 2026-03-01T09:00:00.0000000+00:00 fired 2026-03-01T09:00:00.0000000+00:00",
            System.Text.Json.JsonSerializer.Deserialize<string>((await host.Client.GetRunAsync(run.Id))!.Result!));
    }
}

public sealed class PostgresExactlyOnceTests() : ExactlyOnceTests(TestStore.Postgres);

public sealed class SqliteExactlyOnceTests() : ExactlyOnceTests(TestStore.Sqlite);
