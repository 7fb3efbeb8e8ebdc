using Cronos;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Workflows;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store.Contract;

/// <summary>
/// Schedules as stored: definitions written by every host without losing the pause switch or the latest tick, a
/// latest tick that only moves forward when workers race, and pause and resume that pass over the paused ticks.
/// (That a tick starts one run comes from the tick's idempotency key: see <see cref="StartContract"/>.)
/// </summary>
public abstract class ScheduleContract : StoreContract
{
    [Fact]
    public async Task Upserted_schedules_read_back_as_defined_and_active()
    {
        await using var db = await OpenAsync();

        await db.History.UpsertSchedulesAsync(new UpsertSchedulesRequest([Definition("a", "* * * * *"), Definition("b", "0 3 * * *", ScheduleCatchUp.All, 5, pausedByConfiguration: true)], Now: T0), default);

        var rows = (await db.History.ListSchedulesAsync(default)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("a", "every-minute", "* * * * *", "UTC", ScheduleCatchUp.Skip, 1, false, false), ("b", "every-minute", "0 3 * * *", "UTC", ScheduleCatchUp.All, 5, false, true)],
            rows.Select(r => (r.Name, r.Workflow, r.Cron, r.TimeZone, r.CatchUp, r.MaxCatchUp, r.Paused, r.PausedByConfiguration)));
        Assert.All(rows, r => Assert.Equal((null, T0), (r.LastTickAt, r.HandledUntil)));
    }

    [Fact]
    public async Task A_later_upsert_changes_the_definition_and_keeps_the_pause_and_the_latest_tick()
    {
        await using var db = await OpenAsync();
        await db.History.UpsertSchedulesAsync(new UpsertSchedulesRequest([Definition("a", "* * * * *")], Now: T0), default);
        await db.History.AdvanceScheduleAsync(new AdvanceScheduleRequest("a", Tick: T0.AddMinutes(2), Now: T0.AddMinutes(2)), default);
        Assert.True(await db.History.SetSchedulePausedAsync(new SetSchedulePausedRequest("a", Paused: true, Now: T0.AddMinutes(3)), default));

        await db.History.UpsertSchedulesAsync(new UpsertSchedulesRequest([Definition("a", "*/5 * * * *")], Now: T0.AddMinutes(4)), default);

        var row = Assert.Single(await db.History.ListSchedulesAsync(default));
        Assert.Equal(("*/5 * * * *", true, T0.AddMinutes(2), T0), (row.Cron, row.Paused, row.HandledUntil, ScheduleRow.Utc(row.CreatedAt)));
    }

    [Fact]
    public async Task The_latest_tick_only_moves_forward_when_workers_record_ticks_out_of_order()
    {
        await using var db = await OpenAsync();
        await db.History.UpsertSchedulesAsync(new UpsertSchedulesRequest([Definition("a", "* * * * *")], Now: T0), default);

        await db.History.AdvanceScheduleAsync(new AdvanceScheduleRequest("a", Tick: T0.AddMinutes(2), Now: T0.AddMinutes(2)), default);
        await db.History.AdvanceScheduleAsync(new AdvanceScheduleRequest("a", Tick: T0.AddMinutes(1), Now: T0.AddMinutes(2)), default);

        Assert.Equal(T0.AddMinutes(2), Assert.Single(await db.History.ListSchedulesAsync(default)).HandledUntil);
    }

    [Fact]
    public async Task A_resume_passes_over_the_ticks_that_passed_while_paused()
    {
        await using var db = await OpenAsync();
        await db.History.UpsertSchedulesAsync(new UpsertSchedulesRequest([Definition("a", "* * * * *")], Now: T0), default);

        Assert.True(await db.History.SetSchedulePausedAsync(new SetSchedulePausedRequest("a", Paused: true, Now: T0.AddMinutes(1)), default));
        Assert.True(await db.History.SetSchedulePausedAsync(new SetSchedulePausedRequest("a", Paused: true, Now: T0.AddMinutes(2)), default));
        var paused = Assert.Single(await db.History.ListSchedulesAsync(default));
        Assert.Equal((true, T0.AddMinutes(1)), (paused.Paused, ScheduleRow.Utc(paused.PausedAt!.Value)));

        Assert.True(await db.History.SetSchedulePausedAsync(new SetSchedulePausedRequest("a", Paused: false, Now: T0.AddMinutes(10)), default));

        var resumed = Assert.Single(await db.History.ListSchedulesAsync(default));
        Assert.Equal((false, null, T0.AddMinutes(10)), (resumed.Paused, resumed.PausedAt, resumed.HandledUntil));
    }

    [Fact]
    public async Task Pausing_or_resuming_a_schedule_that_does_not_exist_reports_false()
    {
        await using var db = await OpenAsync();

        Assert.False(await db.History.SetSchedulePausedAsync(new SetSchedulePausedRequest("nope", Paused: true, Now: T0), default));
        Assert.False(await db.History.SetSchedulePausedAsync(new SetSchedulePausedRequest("nope", Paused: false, Now: T0), default));
        Assert.Empty(await db.History.ListSchedulesAsync(default));
    }

    private static ScheduleDefinition Definition(string name, string cron, ScheduleCatchUp catchUp = ScheduleCatchUp.Skip, int maxCatchUp = 1, bool pausedByConfiguration = false) =>
        new(name, EveryMinuteWorkflow.InquirDescriptor, cron, CronExpression.Parse(cron), TimeZoneInfo.Utc, catchUp, maxCatchUp, null, pausedByConfiguration);
}
