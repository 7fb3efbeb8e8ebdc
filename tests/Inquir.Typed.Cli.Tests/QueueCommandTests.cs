using System.Text.Json;
using Dapper;

namespace Inquir.Typed.Cli.Tests;

public sealed class QueueCommandTests : IAsyncLifetime
{
    private readonly CliDatabase _db = new();

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await _db.RunAsync("migrate")).ExitCode);
        await using var connection = await _db.OpenAsync();
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{_db.Schema}".runs (id, workflow, status, input, created_at, updated_at, next_attempt_at, queue, priority)
            VALUES (gen_random_uuid(), 'sync-tenant', 'pending', '{"{}"}', now(), now(), now() - interval '90 seconds', 'sync', 5),
                   (gen_random_uuid(), 'sync-tenant', 'pending', '{"{}"}', now(), now(), now() - interval '1 second', 'sync', 0),
                   (gen_random_uuid(), 'sync-tenant', 'pending', '{"{}"}', now(), now(), now() + interval '1 hour', 'sync', 0),
                   (gen_random_uuid(), 'export', 'pending', '{"{}"}', now(), now(), now() + interval '1 hour', 'default', 0);
            INSERT INTO "{_db.Schema}".queues (name, created_at, updated_at) VALUES ('exports', now(), now());
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_prints_each_queue_with_its_state_and_runs()
    {
        var run = await _db.RunAsync("queues", "list");

        Assert.Equal(0, run.ExitCode);
        var sync = run.Output.Split('\n').Single(line => line.Contains("sync", StringComparison.Ordinal));
        Assert.Contains("active", sync);
        Assert.Contains(" min", sync);
        Assert.Contains("exports", run.Output);
        Assert.Contains("Queues: 3", run.Output);
    }

    [Fact]
    public async Task List_json_holds_each_queue_s_counts()
    {
        var run = await _db.RunAsync("queues", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var queues = json.RootElement.EnumerateArray().ToDictionary(q => q.GetProperty("name").GetString()!);
        Assert.Equal(["default", "exports", "sync"], queues.Keys.Order());
        var sync = queues["sync"];
        Assert.Equal((2, 1, 0, 0, false), (sync.GetProperty("due").GetInt64(), sync.GetProperty("scheduled").GetInt64(), sync.GetProperty("running").GetInt64(), sync.GetProperty("waiting").GetInt64(), sync.GetProperty("paused").GetBoolean()));
        Assert.Equal((0, 1), (queues["default"].GetProperty("due").GetInt64(), queues["default"].GetProperty("scheduled").GetInt64()));
    }

    [Fact]
    public async Task Pause_then_resume_switch_the_queue_for_every_worker()
    {
        var paused = await _db.RunAsync("queues", "pause", "sync");

        Assert.Equal(0, paused.ExitCode);
        Assert.Equal("Queue sync is paused; no worker claims its 2 due runs until it is resumed.\n", paused.Output.ReplaceLineEndings("\n"));
        Assert.True(await PausedAsync("sync"));

        var resumed = await _db.RunAsync("queues", "resume", "sync", "--json");

        Assert.Equal(0, resumed.ExitCode);
        using var json = JsonDocument.Parse(resumed.Output);
        Assert.False(json.RootElement.GetProperty("paused").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("due").GetInt64());
        Assert.False(await PausedAsync("sync"));
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    public async Task An_unknown_queue_is_exit_1_naming_it(string command)
    {
        var run = await _db.RunAsync("queues", command, "no-such-queue");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no queue 'no-such-queue'", run.Error);
        Assert.Equal(1, run.Error.Count(c => c == '\n'));
    }

    [Fact]
    public async Task A_name_that_is_no_queue_name_is_exit_2()
    {
        var run = await _db.RunAsync("queues", "pause", "two words");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'two words' is not a queue name", run.Error);
    }

    private async Task<bool> PausedAsync(string name)
    {
        await using var connection = await _db.OpenAsync();
        return await connection.QuerySingleAsync<bool>($"""SELECT paused FROM "{_db.Schema}".queues WHERE name = @name""", new { name });
    }
}
