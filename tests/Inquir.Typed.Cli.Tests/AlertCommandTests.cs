using System.Text.Json;
using Dapper;

namespace Inquir.Typed.Cli.Tests;

public sealed class AlertCommandTests : IAsyncLifetime
{
    private readonly CliDatabase _db = new();

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await _db.RunAsync("migrate")).ExitCode);
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{_db.Schema}".alerts (name, workflow, step_name, threshold_percent, resolve_percent, window_length, minimum_count,
                                               state, state_since, last_rate_percent, last_failures, last_total, last_evaluated_at, created_at, updated_at)
            VALUES ('exports-failing', 'export-data', NULL, 20, 16, interval '10 minutes', 20,
                    'firing', '2026-05-03T01:00:00Z', 62.5, 25, 40, '2026-05-03T01:04:30Z', now(), now()),
                   ('upload-flaky', 'export-data', 'Upload', 50, 40, interval '1 hour', 10,
                    'ok', '2026-05-01T00:00:00Z', NULL, 3, 3, '2026-05-03T01:04:30Z', now(), now())
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Alerts_prints_each_rule_with_its_state_and_latest_rate()
    {
        var run = await _db.RunAsync("alerts");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("exports-failing", run.Output);
        Assert.Contains("FIRING", run.Output);
        Assert.Contains("2026-05-03 01:00:00.000", run.Output);
        Assert.Contains("62.5 %", run.Output);
        Assert.Contains("25/40", run.Output);
        Assert.Contains("Upload", run.Output);
        Assert.Contains("Rules: 2, firing: 1", run.Output);
    }

    [Fact]
    public async Task Alerts_json_holds_the_rules_and_their_state()
    {
        var run = await _db.RunAsync("alerts", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var rules = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["exports-failing", "upload-flaky"], rules.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("firing", rules[0].GetProperty("state").GetString());
        Assert.Equal(62.5, rules[0].GetProperty("lastRatePercent").GetDouble());
        Assert.Equal("00:10:00", rules[0].GetProperty("window").GetString());
        Assert.Equal(JsonValueKind.Null, rules[1].GetProperty("lastRatePercent").ValueKind);
        Assert.Equal("Upload", rules[1].GetProperty("step").GetString());
    }

    [Fact]
    public async Task Alerts_shows_queue_lag_and_no_live_worker_rules_with_what_they_watch_and_their_latest_age()
    {
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{_db.Schema}".alerts (name, kind, queue, workflow, step_name, threshold_percent, resolve_percent, window_length, minimum_count,
                                               state, state_since, last_total, last_age, last_seen_at, last_evaluated_at, created_at, updated_at)
            VALUES ('exports-lag', 'queue-lag', 'exports', '', NULL, 0, 0, interval '5 minutes', 1,
                    'firing', '2026-05-03T01:00:00Z', 2, interval '6 minutes', NULL, '2026-05-03T01:04:30Z', now(), now()),
                   ('workers-gone', 'no-live-worker', NULL, '', NULL, 0, 0, interval '2 minutes', 1,
                    'ok', '2026-05-01T00:00:00Z', 1, interval '20 seconds', '2026-05-03T01:04:10Z', '2026-05-03T01:04:30Z', now(), now())
            """);

        var table = await _db.RunAsync("alerts");
        var json = await _db.RunAsync("alerts", "--json");

        Assert.Equal((0, 0), (table.ExitCode, json.ExitCode));
        Assert.Contains("queue-lag: exports", table.Output);
        Assert.Contains("age 0.00:06:00", table.Output);
        Assert.Contains("no-live-worker", table.Output);
        Assert.Contains("Rules: 4, firing: 2", table.Output);
        using var document = JsonDocument.Parse(json.Output);
        var lag = document.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "exports-lag");
        var gone = document.RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "workers-gone");
        Assert.Equal(("queueLag", "exports", "00:06:00"), (lag.GetProperty("kind").GetString(), lag.GetProperty("queue").GetString(), lag.GetProperty("lastAge").GetString()));
        Assert.Equal(("noLiveWorker", "2026-05-03T01:04:10+00:00"), (gone.GetProperty("kind").GetString(), gone.GetProperty("lastSeenAt").GetString()));
    }

    [Fact]
    public async Task Alerts_on_a_schema_without_rules_says_how_rules_are_stored()
    {
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync($"""DELETE FROM "{_db.Schema}".alerts""");

        var run = await _db.RunAsync("alerts");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No alert rules are stored", run.Output);
    }
}
