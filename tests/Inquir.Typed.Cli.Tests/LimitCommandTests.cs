using System.Text.Json;
using Dapper;

namespace Inquir.Typed.Cli.Tests;

public sealed class LimitCommandTests : IAsyncLifetime
{
    private readonly CliDatabase _db = new();

    public async Task InitializeAsync()
    {
        Assert.Equal(0, (await _db.RunAsync("migrate")).ExitCode);
        await using var connection = await _db.OpenAsync();

        // Two limits as workers store them, their counters as claims keep them, and a limit only counters name.
        await connection.ExecuteAsync(
            $"""
            INSERT INTO "{_db.Schema}".limits (name, concurrency, rate_count, rate_seconds, per_key, updated_at)
            VALUES ('stripe', 20, 100, 1, false, now()),
                   ('sync-tenant', 1, 0, 0, true, now());
            INSERT INTO "{_db.Schema}".limit_counters (name, key, running, waiting, refilled_at)
            VALUES ('stripe', '', 7, 3, now()),
                   ('sync-tenant', 'acme', 1, 4, now()),
                   ('sync-tenant', 'globex', 1, 1, now()),
                   ('sync-tenant', 'initech', 1, 0, now()),
                   ('sync-tenant', 'idle', 0, 0, now()),
                   ('old-limit', '', 2, 0, now());
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_prints_each_limit_with_its_definition_runs_and_busiest_keys()
    {
        var run = await _db.RunAsync("limits", "list", "--top", "2");

        Assert.Equal(0, run.ExitCode);
        var stripe = run.Output.Split('\n').Single(line => line.Contains("stripe", StringComparison.Ordinal));
        Assert.Contains("100/1s", stripe);
        Assert.Contains("acme: 1 running, 4 waiting", run.Output);
        Assert.Contains("globex: 1 running, 1 waiting", run.Output);
        Assert.DoesNotContain("initech", run.Output);
        Assert.Contains("3/4", run.Output.Split('\n').Single(line => line.Contains("sync-tenant", StringComparison.Ordinal)));
        Assert.Contains("Limits: 3", run.Output);
    }

    [Fact]
    public async Task List_json_holds_each_limit_s_counts_and_keys()
    {
        var run = await _db.RunAsync("limits", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var limits = json.RootElement.EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(["old-limit", "stripe", "sync-tenant"], limits.Keys.Order());
        var stripe = limits["stripe"];
        Assert.Equal(
            (20, "100/1s", 7L, 3L, true),
            (stripe.GetProperty("concurrency").GetInt32(), stripe.GetProperty("rate").GetString(), stripe.GetProperty("running").GetInt64(), stripe.GetProperty("waiting").GetInt64(), stripe.GetProperty("defined").GetBoolean()));
        var tenant = limits["sync-tenant"];
        Assert.Equal((3L, 5L, 4L, 3L), (tenant.GetProperty("running").GetInt64(), tenant.GetProperty("waiting").GetInt64(), tenant.GetProperty("keys").GetInt64(), tenant.GetProperty("busyKeys").GetInt64()));
        Assert.Equal(["acme", "globex", "initech"], tenant.GetProperty("busiestKeys").EnumerateArray().Select(k => k.GetProperty("key").GetString()));
        Assert.False(limits["old-limit"].GetProperty("defined").GetBoolean());
    }

    [Fact]
    public async Task A_top_out_of_range_is_exit_2()
    {
        var run = await _db.RunAsync("limits", "list", "--top", "5000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--top must be from 0 to 1000", run.Error);
    }
}
