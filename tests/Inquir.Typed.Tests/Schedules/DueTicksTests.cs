using Inquir.Typed.Tests.Workflows;

namespace Inquir.Typed.Tests.Schedules;

public sealed class DueTicksTests
{
    private static ScheduleDefinition Schedule(string cron, string zone = "UTC", ScheduleCatchUp catchUp = ScheduleCatchUp.Skip, int maxCatchUp = 100)
    {
        Assert.True(CronText.TryParse(cron, out var expression, out var problem), problem);
        Assert.True(CronText.TryFindZone(zone, out var timeZone, out problem), problem);
        return new ScheduleDefinition("s", EveryMinuteWorkflow.InquirDescriptor, cron, expression, timeZone, catchUp, maxCatchUp, null, false);
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute, int second = 0) => new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Skip_starts_the_latest_missed_tick_and_passes_over_the_others()
    {
        var (start, passedOver) = DueTicks.Find(Schedule("*/10 * * * *"), Utc(1, 1, 0, 0), Utc(1, 1, 1, 5));

        Assert.Equal([Utc(1, 1, 1, 0)], start);
        Assert.Equal(5, passedOver);
    }

    [Fact]
    public void All_starts_every_missed_tick_oldest_first_up_to_the_bound()
    {
        var (start, passedOver) = DueTicks.Find(Schedule("*/10 * * * *", catchUp: ScheduleCatchUp.All, maxCatchUp: 4), Utc(1, 1, 0, 0), Utc(1, 1, 1, 5));

        Assert.Equal([Utc(1, 1, 0, 30), Utc(1, 1, 0, 40), Utc(1, 1, 0, 50), Utc(1, 1, 1, 0)], start);
        Assert.Equal(2, passedOver);
    }

    [Fact]
    public void A_tick_exactly_now_is_due_and_the_tick_handled_last_is_not()
    {
        var (start, _) = DueTicks.Find(Schedule("0 * * * *", catchUp: ScheduleCatchUp.All), Utc(1, 1, 1, 0), Utc(1, 1, 2, 0));

        Assert.Equal([Utc(1, 1, 2, 0)], start);
    }

    [Fact]
    public void Six_fields_tick_by_the_second()
    {
        var (start, _) = DueTicks.Find(Schedule("*/15 * * * * *", catchUp: ScheduleCatchUp.All), Utc(1, 1, 0, 0), Utc(1, 1, 0, 1));

        Assert.Equal([Utc(1, 1, 0, 0, 15), Utc(1, 1, 0, 0, 30), Utc(1, 1, 0, 0, 45), Utc(1, 1, 0, 1)], start);
    }

    [Fact]
    public void A_tick_in_the_spring_forward_gap_fires_once_when_the_clocks_jump()
    {
        // Berlin skips 02:00-03:00 on 2026-03-29; Cronos fires the 02:30 tick at 03:00 CEST (01:00 UTC).
        var (start, _) = DueTicks.Find(Schedule("30 2 * * *", "Europe/Berlin", ScheduleCatchUp.All), Utc(3, 28, 0, 0), Utc(3, 30, 12, 0));

        Assert.Equal([Utc(3, 28, 1, 30), Utc(3, 29, 1, 0), Utc(3, 30, 0, 30)], start);
    }

    [Fact]
    public void A_tick_in_the_autumn_overlap_fires_once()
    {
        // Berlin lives 02:00-03:00 twice on 2026-10-25; Cronos fires 02:30 once, in summer time (00:30 UTC).
        var (start, _) = DueTicks.Find(Schedule("30 2 * * *", "Europe/Berlin", ScheduleCatchUp.All), Utc(10, 24, 12, 0), Utc(10, 26, 12, 0));

        Assert.Equal([Utc(10, 25, 0, 30), Utc(10, 26, 1, 30)], start);
    }

    [Theory]
    [InlineData("0 3 * * *")]
    [InlineData("*/5 9-17 * * MON-FRI")]
    [InlineData("0 0 1,15 * *")]
    [InlineData("@daily")]
    [InlineData("0 0 12 ? * WED")]
    public void Cron_strings_Cronos_reads_are_accepted(string cron) => Assert.True(CronText.TryParse(cron, out _, out var problem), problem);

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("61 * * * *", "is not a cron expression")]
    [InlineData("* * * *", "it has 4 fields")]
    [InlineData("* * * * * * *", "it has 7 fields")]
    public void Bad_cron_strings_say_what_is_wrong(string cron, string expected)
    {
        Assert.False(CronText.TryParse(cron, out _, out var problem));
        Assert.Contains(expected, problem);
    }
}
