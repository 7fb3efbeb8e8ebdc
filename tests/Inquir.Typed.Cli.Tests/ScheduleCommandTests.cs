using System.Text.Json;
using Dapper;

namespace Inquir.Typed.Cli.Tests;

public sealed class ScheduleCommandTests : IAsyncLifetime
{
    private readonly CliDatabase _db = new();

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await _db.RunAsync("migrate")).ExitCode);
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{_db.Schema}".schedules (name, workflow, cron, time_zone, catch_up, max_catch_up, last_tick_at, created_at, updated_at)
            VALUES ('nightly-report', 'nightly-report', '0 3 * * *', 'Europe/Berlin', 'skip', 100, '2026-05-03T01:00:00Z', now(), now()),
                   ('hourly-sync', 'sync', '0 * * * *', 'UTC', 'all', 24, NULL, now(), now())
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_prints_each_schedule_with_its_state_and_next_ticks()
    {
        var run = await _db.RunAsync("schedules", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("nightly-report", run.Output);
        Assert.Contains("Europe/Berlin", run.Output);
        Assert.Contains("2026-05-03 01:00:00.000", run.Output);
        Assert.Contains("all, at most 24", run.Output);
        Assert.Contains("active", run.Output);
        Assert.Contains("Schedules: 2", run.Output);
    }

    [Fact]
    public async Task List_json_holds_the_next_ticks_in_the_schedule_s_time_zone()
    {
        var run = await _db.RunAsync("schedules", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var nightly = json.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "nightly-report");
        Assert.Equal("0 3 * * *", nightly.GetProperty("cron").GetString());
        Assert.Equal("skip", nightly.GetProperty("catchUp").GetString());
        var next = nightly.GetProperty("nextTicks").EnumerateArray().Select(t => t.GetDateTimeOffset()).ToList();
        Assert.Equal(3, next.Count);

        // 03:00 in Berlin is 01:00 or 02:00 UTC, whichever season the next ticks fall in.
        Assert.All(next, t => Assert.Contains(t.UtcDateTime.Hour, new[] { 1, 2 }));
        Assert.All(next, t => Assert.Equal(0, t.Minute));
    }

    [Fact]
    public async Task Pause_then_resume_switch_the_schedule_for_every_worker()
    {
        var paused = await _db.RunAsync("schedules", "pause", "nightly-report");
        var listed = await _db.RunAsync("schedules", "list", "--json");

        Assert.Equal(0, paused.ExitCode);
        Assert.Equal("Schedule nightly-report is paused.\n", paused.Output.ReplaceLineEndings("\n"));
        var nightly = JsonDocument.Parse(listed.Output).RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "nightly-report");
        Assert.True(nightly.GetProperty("paused").GetBoolean());
        Assert.Equal(0, nightly.GetProperty("nextTicks").GetArrayLength());

        var resumed = await _db.RunAsync("schedules", "resume", "nightly-report", "--json");

        Assert.Equal(0, resumed.ExitCode);
        using var json = JsonDocument.Parse(resumed.Output);
        Assert.False(json.RootElement.GetProperty("paused").GetBoolean());
        Assert.True(json.RootElement.GetProperty("isActive").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("nextTicks").GetArrayLength());
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task An_unknown_schedule_is_exit_1_naming_it(string command)
    {
        var run = await _db.RunAsync("schedules", command, "no-such-schedule");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no schedule 'no-such-schedule'", run.Error);
        Assert.Equal(1, run.Error.Count(c => c == '\n'));
    }

    [Fact]
    public async Task A_schedule_name_with_U0000_is_exit_2()
    {
        var run = await _db.RunAsync("schedules", "pause", "night\0ly");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("U+0000", run.Error);
    }
}
