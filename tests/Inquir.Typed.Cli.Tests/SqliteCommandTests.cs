using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Inquir.Typed.Cli.Tests;

/// <summary><c>inquir --sqlite path</c>: the same commands over a SQLite file.</summary>
public sealed class SqliteCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "inquir-cli-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task Migrate_then_list_and_cancel_work_on_a_sqlite_file()
    {
        var migrate = await RunAsync("--sqlite", _file, "migrate");
        Assert.Equal((0, $"SQLite file {_file} is up to date."), (migrate.ExitCode, migrate.Output.Trim()));
        var id = await InsertPendingRunAsync();

        var list = await RunAsync("--sqlite", _file, "runs", "list", "--json");
        var cancel = await RunAsync("--sqlite", _file, "runs", "cancel", id.ToString());
        var show = await RunAsync("--sqlite", _file, "runs", "show", id.ToString(), "--json");

        Assert.Equal(0, list.ExitCode);
        using (var json = JsonDocument.Parse(list.Output))
        {
            Assert.Equal(id, json.RootElement.GetProperty("runs").EnumerateArray().Single().GetProperty("id").GetGuid());
        }

        Assert.Equal(0, cancel.ExitCode);
        Assert.Contains("cancelled", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_waiting_for_children_is_listed_and_found_as_waiting()
    {
        await RunAsync("--sqlite", _file, "migrate");
        var waiting = await InsertRunAsync("waiting", "[\"0199a0f0-0000-7000-8000-000000000001\"]");
        await InsertRunAsync("pending", null);

        var table = await RunAsync("--sqlite", _file, "runs", "list");
        var found = await RunAsync("--sqlite", _file, "runs", "search", "--status", "waiting", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("waiting", table.Output, StringComparison.Ordinal);
        Assert.Equal(0, found.ExitCode);
        using var json = JsonDocument.Parse(found.Output);
        var run = json.RootElement.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal((waiting, "waiting"), (run.GetProperty("id").GetGuid(), run.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Queues_are_listed_paused_and_resumed_on_a_sqlite_file()
    {
        await RunAsync("--sqlite", _file, "migrate");
        await InsertPendingRunAsync();

        var paused = await RunAsync("--sqlite", _file, "queues", "pause", "default");
        var listed = await RunAsync("--sqlite", _file, "queues", "list", "--json");
        var resumed = await RunAsync("--sqlite", _file, "queues", "resume", "default");

        Assert.Equal((0, "Queue default is paused; no worker claims its 1 due runs until it is resumed."), (paused.ExitCode, paused.Output.Trim()));
        using (var json = JsonDocument.Parse(listed.Output))
        {
            var queue = json.RootElement.EnumerateArray().Single();
            Assert.Equal(("default", true, 1L), (queue.GetProperty("name").GetString(), queue.GetProperty("paused").GetBoolean(), queue.GetProperty("due").GetInt64()));
        }

        Assert.Equal((0, "Queue default is resumed; its 1 due runs are claimed now."), (resumed.ExitCode, resumed.Output.Trim()));
    }

    [Fact]
    public async Task Send_event_keeps_an_event_for_a_pending_run_and_refuses_one_for_a_cancelled_run()
    {
        await RunAsync("--sqlite", _file, "migrate");
        var pending = await InsertPendingRunAsync();
        var cancelled = await InsertPendingRunAsync();
        await RunAsync("--sqlite", _file, "runs", "cancel", cancelled.ToString());

        var kept = await RunAsync("--sqlite", _file, "runs", "send-event", pending.ToString(), "approval", "--payload", "true", "--event-id", "e-1");
        var refused = await RunAsync("--sqlite", _file, "runs", "send-event", cancelled.ToString(), "approval", "--event-id", "e-2");

        Assert.Equal((0, $"Run {pending} keeps event 'approval' (e-1) until its wait for it."), (kept.ExitCode, kept.Output.Trim()));
        Assert.Equal(ExitCodes.WrongState, refused.ExitCode);
    }

    [Fact]
    public async Task A_held_run_shows_the_limit_that_holds_it_and_the_limit_is_listed_on_a_sqlite_file()
    {
        await RunAsync("--sqlite", _file, "migrate");
        var held = await InsertHeldRunAsync("sync-tenant", "acme");

        var show = await RunAsync("--sqlite", _file, "runs", "show", held.ToString());
        var limits = await RunAsync("--sqlite", _file, "limits", "list", "--json");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("held", show.Output, StringComparison.Ordinal);
        Assert.Contains("limit sync-tenant, key acme: it waits for a slot", show.Output, StringComparison.Ordinal);
        Assert.Equal(0, limits.ExitCode);
        using var json = JsonDocument.Parse(limits.Output);
        var limit = json.RootElement.EnumerateArray().Single();
        Assert.Equal(
            ("sync-tenant", true, 1, 1L, 2L, "acme"),
            (limit.GetProperty("name").GetString(), limit.GetProperty("perKey").GetBoolean(), limit.GetProperty("concurrency").GetInt32(), limit.GetProperty("running").GetInt64(),
                limit.GetProperty("waiting").GetInt64(), limit.GetProperty("busiestKeys").EnumerateArray().Single().GetProperty("key").GetString()));
    }

    [Fact]
    public async Task A_file_without_the_tables_says_to_migrate_first()
    {
        var run = await RunAsync("--sqlite", _file, "runs", "list");

        Assert.Equal(ExitCodes.NotMigrated, run.ExitCode);
        Assert.Contains("migrate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqlite_and_connection_together_are_a_usage_error()
    {
        var run = await RunAsync("--sqlite", _file, "--connection", "Host=localhost", "runs", "list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeAsync(null, args);

    // A run a full limit holds, as the claim leaves it (due at the end of 9999, 0010_flow_limits), with the limit as a
    // worker stores it and its counter: one run of the key holding the slot, this one and another held.
    private async Task<Guid> InsertHeldRunAsync(string limit, string key)
    {
        var id = Guid.NewGuid();
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO runs (id, workflow, status, input, created_at, updated_at, next_attempt_at, held_limit, held_key, held_due_at)
            VALUES ($id, 'orders', 'pending', '{"userId":42}', 0, 0, 253402300799999, $limit, $key, 0);
            INSERT INTO limits (name, concurrency, rate_count, rate_seconds, per_key, updated_at) VALUES ($limit, 1, 0, 0, 1, 0);
            INSERT INTO limit_counters (name, key, running, waiting, refilled_at) VALUES ($limit, $key, 1, 2, 0);
            """;
        insert.Parameters.AddWithValue("$id", id.ToString("D"));
        insert.Parameters.AddWithValue("$limit", limit);
        insert.Parameters.AddWithValue("$key", key);
        await insert.ExecuteNonQueryAsync();
        return id;
    }

    private Task<Guid> InsertPendingRunAsync() => InsertRunAsync("pending", null);

    private async Task<Guid> InsertRunAsync(string status, string? awaitedRuns)
    {
        var id = Guid.NewGuid();
        await using var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO runs (id, workflow, status, input, created_at, updated_at, next_attempt_at, awaited_runs)
            VALUES ($id, 'orders', $status, '{"userId":42}', 0, 0, CASE WHEN $status = 'pending' THEN 0 END, $awaited);
            """;
        insert.Parameters.AddWithValue("$id", id.ToString("D"));
        insert.Parameters.AddWithValue("$status", status);
        insert.Parameters.AddWithValue("$awaited", (object?)awaitedRuns ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync();
        return id;
    }
}
