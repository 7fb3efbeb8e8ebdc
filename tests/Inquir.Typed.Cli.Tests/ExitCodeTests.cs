namespace Inquir.Typed.Cli.Tests;

public sealed class ExitCodeTests
{
    private readonly CliDatabase _db = new();

    [Theory]
    [InlineData("runs", "show", "not-a-uuid")]
    [InlineData("runs", "search", "--since", "yesterday-ish")]
    [InlineData("runs", "search", "--since", "1h", "--until", "2h")]
    [InlineData("runs", "search", "--status", "exploded")]
    [InlineData("runs", "search", "--input", "no-equals")]
    [InlineData("runs", "search", "--limit", "0")]
    [InlineData("runs", "list", "--no-such-option")]
    [InlineData("runs", "replay")]
    [InlineData("failures", "--since", "1h", "--until", "2h")]
    public async Task Bad_usage_exits_2_with_one_line_on_stderr(params string[] args)
    {
        await _db.RunAsync("migrate");

        var run = await _db.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("replay")]
    [InlineData("restart")]
    [InlineData("cancel")]
    public async Task An_unknown_run_exits_1(string command)
    {
        await _db.RunAsync("migrate");

        var run = await _db.RunAsync("runs", command, Guid.NewGuid().ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("There is no run", run.Error);
    }

    [Fact]
    public async Task An_unreachable_database_exits_3_without_the_password_or_a_stack_trace()
    {
        var run = await CliRun.InvokeAsync("Host=127.0.0.1;Port=1;Username=ops;Password=hunter2;Timeout=5", "runs", "list");

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("Cannot reach PostgreSQL at 127.0.0.1:1 as ops", run.Error);
        Assert.DoesNotContain("hunter2", run.Error + run.Output);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_missing_connection_is_bad_usage()
    {
        var run = await CliRun.InvokeAsync(null, "runs", "list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("INQUIR_CONNECTION", run.Error);
    }

    [Fact]
    public async Task An_unmigrated_schema_exits_5()
    {
        var run = await _db.RunAsync("runs", "list");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("inquir migrate", run.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("runs", "--help")]
    [InlineData("runs", "search", "--help")]
    [InlineData("runs", "show", "--help")]
    [InlineData("runs", "replay", "--help")]
    [InlineData("runs", "restart", "--help")]
    [InlineData("runs", "cancel", "--help")]
    [InlineData("failures", "--help")]
    [InlineData("migrate", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var run = await CliRun.InvokeAsync(null, args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
    }
}
