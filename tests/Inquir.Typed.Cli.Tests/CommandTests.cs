using System.Text.Json;

namespace Inquir.Typed.Cli.Tests;

public sealed class CommandTests : IAsyncLifetime
{
    private readonly CliDatabase _db = new();

    public async Task InitializeAsync() => Assert.Equal(0, (await _db.RunAsync("migrate")).ExitCode);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_by_error_text_finds_the_failed_run_and_its_json_parses()
    {
        var failed = await _db.FailedRunAsync("orders", "payment gateway timed out");
        await _db.FailedRunAsync("orders", "card declined");

        var run = await _db.RunAsync("runs", "search", "--error", "GATEWAY", "--since", "1h", "--workflow", "orders", "--status", "failed", "--input", "userId=42", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var runs = json.RootElement.GetProperty("runs");
        Assert.Equal(failed, runs.EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(42, runs[0].GetProperty("input").GetProperty("userId").GetInt32());
        Assert.Equal("failed", runs[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_prints_a_table_with_the_runs()
    {
        var failed = await _db.FailedRunAsync("orders", "payment gateway timed out");

        var run = await _db.RunAsync("runs", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(failed.ToString(), run.Output);
        Assert.Contains("payment gateway timed out", run.Output);
        Assert.Contains("Runs: 1", run.Output);
    }

    [Fact]
    public async Task Show_prints_every_attempt_and_its_json_holds_steps_and_attempts()
    {
        var failed = await _db.FailedRunAsync("orders", "payment gateway timed out");

        var table = await _db.RunAsync("runs", "show", failed.ToString(), "--stack");
        var json = await _db.RunAsync("runs", "show", failed.ToString(), "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("checkpoint", table.Output);
        // Three failed attempts, each with its stack trace below the table.
        Assert.Equal(3, table.Output.Split("System.TimeoutException: payment gateway timed out").Length - 1);
        using var document = JsonDocument.Parse(json.Output);
        var steps = document.RootElement.GetProperty("steps");
        Assert.Equal(12, steps[0].GetProperty("checkpoint").GetProperty("output").GetProperty("total").GetInt32());
        Assert.Equal(["failed", "failed", "failed"], steps[1].GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()));
        Assert.Contains("at Charge()", steps[1].GetProperty("attempts")[0].GetProperty("errorStack").GetString());
    }

    [Fact]
    public async Task Replay_makes_the_failed_run_due_as_a_new_execution()
    {
        var failed = await _db.FailedRunAsync("orders", "payment gateway timed out");

        var run = await _db.RunAsync("runs", "replay", failed.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("pending", 2, 0), await _db.StateAsync(failed));
        var again = await _db.RunAsync("runs", "replay", failed.ToString());
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("is pending", again.Error);
    }

    [Fact]
    public async Task Bulk_replay_counts_with_dry_run_then_replays_and_says_when_nothing_matched()
    {
        var first = await _db.FailedRunAsync("orders", "payment gateway timed out");
        var second = await _db.FailedRunAsync("orders", "payment gateway timed out");
        await _db.FailedRunAsync("emails", "payment gateway timed out");

        var dry = await _db.RunAsync("runs", "replay", "--failed", "--workflow", "orders", "--since", "1h", "--dry-run", "--json");
        Assert.Equal(0, dry.ExitCode);
        Assert.Equal(2, JsonDocument.Parse(dry.Output).RootElement.GetProperty("matched").GetInt32());
        Assert.Equal("failed", (await _db.StateAsync(first)).Status);

        var real = await _db.RunAsync("runs", "replay", "--failed", "--workflow", "orders", "--since", "1h");
        Assert.Equal(0, real.ExitCode);
        Assert.Contains("2 failed runs will be replayed", real.Output);
        Assert.Equal("pending", (await _db.StateAsync(second)).Status);

        var none = await _db.RunAsync("runs", "replay", "--failed", "--workflow", "orders", "--since", "1h");
        Assert.Equal(1, none.ExitCode);
    }

    [Fact]
    public async Task Restart_and_cancel_change_the_rows()
    {
        var failed = await _db.FailedRunAsync("orders", "payment gateway timed out");
        var pending = await _db.PendingRunAsync("orders");

        var restart = await _db.RunAsync("runs", "restart", failed.ToString(), "--json");
        var cancel = await _db.RunAsync("runs", "cancel", pending.ToString(), "--reason", "duplicate order");

        Assert.Equal(0, restart.ExitCode);
        var restarted = JsonDocument.Parse(restart.Output).RootElement.GetProperty("restartedAs").GetGuid();
        Assert.Equal(("pending", 1, 0), await _db.StateAsync(restarted));
        Assert.Equal(0, cancel.ExitCode);
        Assert.Equal("cancelled", (await _db.StateAsync(pending)).Status);
        Assert.Equal(4, (await _db.RunAsync("runs", "cancel", pending.ToString())).ExitCode);
    }

    [Fact]
    public async Task Send_event_wakes_the_run_waiting_for_it_once_and_show_says_what_it_waited_for()
    {
        var waiting = await _db.WaitingForEventRunAsync("orders", "approval");

        var show = await _db.RunAsync("runs", "show", waiting.ToString());
        var sent = await _db.RunAsync("runs", "send-event", waiting.ToString(), "approval", "--payload", """{"by":"ann"}""", "--event-id", "mail-1");
        var again = await _db.RunAsync("runs", "send-event", waiting.ToString(), "approval", "--payload", """{"by":"eve"}""", "--event-id", "mail-1", "--json");
        var missing = await _db.RunAsync("runs", "send-event", Guid.NewGuid().ToString(), "approval", "--event-id", "mail-2");
        var badJson = await _db.RunAsync("runs", "send-event", waiting.ToString(), "approval", "--payload", "{by", "--event-id", "mail-3");

        Assert.Equal(0, show.ExitCode);
        Assert.Matches(@"Waits for\s+event 'approval' until \d{4}-\d\d-\d\d", show.Output);
        Assert.Equal((0, $"Run {waiting} took event 'approval' (mail-1) and is due."), (sent.ExitCode, sent.Output.Trim()));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("Duplicate", JsonDocument.Parse(again.Output).RootElement.GetProperty("delivery").GetString());
        Assert.Equal("pending", (await _db.StateAsync(waiting)).Status);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("there is no such run", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, badJson.ExitCode);
        Assert.Equal(ExitCodes.Usage, (await _db.RunAsync("runs", "send-event", waiting.ToString(), "approval")).ExitCode);
    }

    [Fact]
    public async Task Send_event_to_an_ended_run_is_refused_as_the_wrong_state()
    {
        var pending = await _db.PendingRunAsync("orders");
        await _db.RunAsync("runs", "cancel", pending.ToString());

        var sent = await _db.RunAsync("runs", "send-event", pending.ToString(), "approval", "--event-id", "mail-1");

        Assert.Equal(ExitCodes.WrongState, sent.ExitCode);
        Assert.Contains("the run has ended (cancelled)", sent.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_summarises_by_workflow_step_and_error_type()
    {
        await _db.FailedRunAsync("orders", "payment gateway timed out");
        await _db.FailedRunAsync("orders", "payment gateway timed out");

        var run = await _db.RunAsync("failures", "--since", "1h", "--json");

        Assert.Equal(0, run.ExitCode);
        var group = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Single();
        Assert.Equal("Charge", group.GetProperty("step").GetString());
        Assert.Equal("System.TimeoutException", group.GetProperty("errorType").GetString());
        Assert.Equal(6, group.GetProperty("failures").GetInt64());
        Assert.Equal(2, group.GetProperty("runs").GetInt64());
    }
}
