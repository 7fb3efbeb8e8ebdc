using Dapper;

namespace Inquir.Typed.Cli.Tests;

/// <summary>
/// Bad and malicious input through the command line: each case exits with its code, says what is wrong in one
/// line on stderr (no stack trace, no password) and leaves every run as it was.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Runs runs) : IClassFixture<HostileInputTests.Runs>
{
    private const string Password = "hunter2-secret";

    // Expanded when a case runs, so that test names stay short and readable.
    private const string Huge = "{huge}";
    private const string Failed = "{failed}";
    private const string Pending = "{pending}";
    private const string Server = "{server}";

    private static readonly string[] RunCommands = ["show", "replay", "restart", "cancel"];

    private static readonly string[] SqlMetacharacters =
    [
        "'; DROP TABLE runs; --",
        "\" OR 1=1; --",
        "x' OR '1'='1",
        "$1 @id :name ? {schema} %s \\ ' '' \"",
        "Robert'); DELETE FROM checkpoints WHERE ('1'='1",
    ];

    public static TheoryData<string, int, string> Refused()
    {
        var data = new TheoryData<string, int, string>();
        string[] badIds = ["not-a-guid", "", "   ", Huge, "0196b0d2-5f3e-7c41-9a1e-2b7f0c1d4e5", "line\nbreak", "nul\0id", .. SqlMetacharacters];
        foreach (var command in RunCommands)
        {
            foreach (var id in badIds)
            {
                data.Add(Args("runs", command, id), 2, "is not a run id");
            }

            foreach (var id in new[] { Guid.NewGuid().ToString(), Guid.Empty.ToString(), "{" + Guid.NewGuid().ToString().ToUpperInvariant() + "}" })
            {
                data.Add(Args("runs", command, id), 1, "There is no run");
            }
        }

        data.Add(Args("runs", "replay", Pending), 4, "only failed or cancelled runs can be replayed");
        data.Add(Args("runs", "restart", Pending), 4, "only a finished run can be restarted");
        data.Add(Args("runs", "cancel", Failed), 4, "only a pending, running or waiting run can be cancelled");
        data.Add(Args("runs", "replay", Failed, "--failed"), 2, "not both");

        // Time ranges.
        data.Add(Args("runs", "search", "--since", "2099-01-01"), 2, "--since (2099-01-01 00:00:00Z) is in the future");
        data.Add(Args("runs", "search", "--since", "1h", "--until", "2h"), 2, "The time range is empty");
        data.Add(Args("runs", "search", "--since", "2026-05-02", "--until", "2026-05-01"), 2, "The time range is empty");
        data.Add(Args("runs", "search", "--since", "2026-05-01T12:00Z", "--until", "2026-05-01T12:00Z"), 2, "The time range is empty");
        data.Add(Args("runs", "list", "--until", "30m", "--since", "10m"), 2, "The time range is empty");
        data.Add(Args("runs", "search", "--since", "yesterday"), 2, "--since \"yesterday\" is neither a duration");
        data.Add(Args("runs", "search", "--since=-1h"), 2, "--since \"-1h\" is neither a duration");
        data.Add(Args("runs", "search", "--until=-30m"), 2, "--until \"-30m\" is neither a duration");
        data.Add(Args("runs", "search", "--since", "366d"), 2, "--since \"366d\" is neither a duration");
        data.Add(Args("runs", "search", "--since", "99999999999h"), 2, "is neither a duration");
        data.Add(Args("runs", "search", "--since", "2026-13-45"), 2, "is neither a duration");
        data.Add(Args("runs", "search", "--since", ""), 2, "is neither a duration");
        data.Add(Args("runs", "search", "--since", "1x"), 2, "is neither a duration");
        data.Add(Args("runs", "search", "--since", "1h'; DROP TABLE runs; --"), 2, "is neither a duration");
        data.Add(Args("runs", "search", "--until", Huge), 2, "is neither a duration");
        data.Add(Args("failures", "--since", "2099-01-01"), 2, "is in the future");
        data.Add(Args("failures", "--since", "1h", "--until", "2h"), 2, "The time range is empty");
        data.Add(Args("failures", "--since", "soon"), 2, "is neither a duration");
        data.Add(Args("runs", "replay", "--failed", "--since", "1h", "--until", "2h"), 2, "The time range is empty");
        data.Add(Args("runs", "replay", "--failed", "--since", "2099-01-01"), 2, "is in the future");

        // Limits.
        foreach (var limit in new[] { "0", "-1", "1001", "-2147483648" })
        {
            data.Add(Args("runs", "search", "--limit", limit), 2, "--limit must be between 1 and 1000");
        }

        foreach (var limit in new[] { "2147483648", "99999999999999999999", "ten", "1.5", "" })
        {
            data.Add(Args("runs", "list", "--limit", limit), 2, "--limit");
        }

        data.Add(Args("failures", "--limit", "0"), 2, "--limit must be at least 1");
        data.Add(Args("failures", "--limit", "-5"), 2, "--limit must be at least 1");

        // Cursors.
        string[] badCursors = ["garbage", "", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Af__________________________________", "AX__________________________________", "nul\0cursor", Huge, .. SqlMetacharacters];
        foreach (var cursor in badCursors)
        {
            data.Add(Args("runs", "search", "--cursor", cursor), 2, "was not made by a history search");
        }

        // Statuses.
        string[] badStatuses = ["exploded", "1", "0", "pending,failed", "", " failed", .. SqlMetacharacters];
        foreach (var status in badStatuses)
        {
            data.Add(Args("runs", "search", "--status", status), 2, "is not one of pending, running, waiting, succeeded, failed, cancelled");
        }

        // U+0000 in every string filter: PostgreSQL text cannot hold it.
        foreach (var option in new[] { "--workflow", "--step", "--key", "--error" })
        {
            data.Add(Args("runs", "search", option, "a\0b"), 2, $"{option} holds the character U+0000");
            data.Add(Args("runs", "replay", "--failed", option, "a\0b"), 2, $"{option} holds the character U+0000");
        }

        data.Add(Args("runs", "search", "--status", "fa\0iled"), 2, "--status holds the character U+0000");
        data.Add(Args("runs", "search", "--input", "user\0Id=42"), 2, "--input holds the character U+0000");
        data.Add(Args("runs", "search", "--input", "userId=4\02"), 2, "--input holds the character U+0000");
        data.Add(Args("failures", "--workflow", "a\0b"), 2, "--workflow holds the character U+0000");
        data.Add(Args("runs", "cancel", Pending, "--reason", "because\0"), 2, "--reason holds the character U+0000");

        // Input matches that are not path=value.
        foreach (var input in new[] { "no-equals", "=42", "a..b=1", ".=1", "" })
        {
            data.Add(Args("runs", "search", "--input", input), 2, "--input:");
        }

        // Input values JSON or PostgreSQL cannot hold.
        data.Add(Args("runs", "search", "--input", string.Join('.', Enumerable.Repeat("a", 100)) + "=1"), 2, "nests deeper than the 64 levels");
        data.Add(Args("runs", "search", "--input", "userId=1e999999"), 2, "cannot use a value given on the command line: value overflows numeric format");
        data.Add(Args("runs", "search", "--since", "-1h"), 2, "--since");

        // Schemas.
        data.Add(Args("--schema", "no\"such'schema; DROP SCHEMA public; --", "runs", "list"), 5, "not migrated");
        data.Add(Args("--schema", "", "runs", "list"), 2, "Schema must be 1 to 63 characters");
        data.Add(Args("--schema", new string('s', 64), "migrate"), 2, "Schema must be 1 to 63 characters");
        data.Add(Args("--schema", "in\0quir", "runs", "list"), 2, "--schema holds the character U+0000");

        // Unknown commands and options, including huge ones.
        data.Add(Args("runs", "explode"), 2, "explode");
        data.Add(Args("runs", "list", "--no-such-option"), 2, "--no-such-option");
        data.Add(Args(Huge), 2, "Unrecognized");
        return data;
    }

    public static TheoryData<string, string, string> PlainData()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var text in SqlMetacharacters.Append(Huge))
        {
            foreach (var option in new[] { "--workflow", "--step", "--key", "--error" })
            {
                data.Add(Args("runs", "search", option, text), "0", "No runs matched.");
                data.Add(Args("runs", "replay", "--failed", "--dry-run", option, text), "1", "0 failed runs would be replayed.");
            }

            data.Add(Args("runs", "search", "--input", text + "=42"), "0", "No runs matched.");
            data.Add(Args("runs", "search", "--input", "userId=" + text), "0", "No runs matched.");
            data.Add(Args("failures", "--workflow", text), "0", "No failures in this window.");
        }

        // LIKE wildcards in --error are literal: "%" and "_" do not match every error.
        data.Add(Args("runs", "search", "--error", "%"), "0", "No runs matched.");
        data.Add(Args("runs", "search", "--error", "_"), "0", "No runs matched.");
        data.Add(Args("runs", "search", "--error", "\\"), "0", "No runs matched.");
        data.Add(Args("failures", "--limit", "2147483647"), "0", "Groups: 1");
        data.Add(Args("runs", "search", "--since", "0001-01-01", "--until", "9999-12-31"), "0", "Runs: 2");
        return data;
    }

    public static TheoryData<string, string, string, string> BadConnections()
    {
        return new TheoryData<string, string, string, string>
        {
            { "closed port", $"Host=127.0.0.1;Port=1;Username=ops;Password={Password};Timeout=5", "3", "Cannot reach PostgreSQL at 127.0.0.1:1 as ops" },
            { "unknown host", $"Host=no-such-host.invalid;Username=ops;Password={Password};Timeout=5", "3", "Cannot reach PostgreSQL at no-such-host.invalid" },
            { "unknown role", $"{Server};Username=no_such_role;Password={Password};Timeout=5", "3", "refused the login" },
            { "unknown database", $"{Server};Database=no_such_database;Password={Password};Timeout=5", "3", "no_such_database" },
            { "quoted password", $"Host=127.0.0.1;Port=1;Username=ops;Password='{Password};\"x''';Timeout=5", "3", "Cannot reach PostgreSQL at 127.0.0.1:1 as ops" },
            { "huge password", $"Host=127.0.0.1;Port=1;Username=ops;Password={Password}{new string('p', 100_000)};Timeout=5", "3", "Cannot reach PostgreSQL at 127.0.0.1:1 as ops" },
            { "port not a number", $"Host=127.0.0.1;Port=fifty;Password={Password}", "2", "connection string" },
            { "unknown keyword", $"Host=127.0.0.1;Password={Password};Flavour=vanilla", "2", "connection string" },
            { "no key=value", $"{Password} at localhost", "2", "connection string" },
            { "unterminated quote", $"Host=127.0.0.1;Password='{Password}", "2", "connection string" },
            { "NUL character", $"Host=127.0.0.1;Port=1;Username=o\0ps;Password={Password};Timeout=5", "2", "connection string" },
            { "blank", "   ", "2", "No database given" },
        };
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_input_is_refused_with_its_exit_code_and_one_line_and_nothing_changes(string args, int exitCode, string expected)
    {
        var before = await runs.SnapshotAsync();
        var expanded = Expand(args);

        // A case that names its own schema replaces the fixture's.
        var run = expanded[0] == "--schema" ? await CliRun.InvokeAsync(CliDatabase.ServerConnection, expanded) : await runs.Db.RunAsync(expanded);

        AssertRefused(run, exitCode, expected);
        Assert.Equal(before, await runs.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(PlainData))]
    public async Task SQL_metacharacters_and_huge_text_in_filters_are_plain_data_and_nothing_changes(string args, string exitCode, string expected)
    {
        var before = await runs.SnapshotAsync();

        var run = await runs.Db.RunAsync(Expand(args));

        Assert.Equal((int.Parse(exitCode, System.Globalization.CultureInfo.InvariantCulture), ""), (run.ExitCode, run.Error));
        Assert.Contains(expected, run.Output);
        Assert.Equal(before, await runs.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(BadConnections))]
    public async Task A_bad_or_unreachable_connection_is_one_line_without_the_password(string what, string connection, string exitCode, string expected)
    {
        connection = connection.Replace(Server, CliDatabase.ServerConnection, StringComparison.Ordinal);
        var before = await runs.SnapshotAsync();

        var fromEnvironment = await CliRun.InvokeAsync(connection, "--schema", runs.Db.Schema, "runs", "list");
        var fromOption = await CliRun.InvokeAsync(null, "--connection", connection, "--schema", runs.Db.Schema, "runs", "cancel", runs.PendingId.ToString());

        foreach (var run in new[] { fromEnvironment, fromOption })
        {
            AssertRefused(run, int.Parse(exitCode, System.Globalization.CultureInfo.InvariantCulture), expected);
            Assert.DoesNotContain(Password, run.Error, StringComparison.Ordinal);
            Assert.True(run.Error.Length < 400, $"{what}: {run.Error}");
        }

        Assert.Equal(before, await runs.SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(SqlMetacharacterTexts))]
    public async Task SQL_metacharacters_in_a_cancel_reason_are_stored_as_written(string reason)
    {
        var pending = await runs.Db.PendingRunAsync("reasons");

        var run = await runs.Db.RunAsync("runs", "cancel", pending.ToString(), "--reason", reason);

        Assert.Equal(0, run.ExitCode);
        await using var connection = await runs.Db.OpenAsync();
        var error = await connection.QuerySingleAsync<string>($"""SELECT error FROM "{runs.Db.Schema}".runs WHERE id = @pending""", new { pending });
        Assert.Equal("the run was cancelled: " + reason.Trim(), error);
        await connection.ExecuteAsync($"""DELETE FROM "{runs.Db.Schema}".runs WHERE id = @pending""", new { pending });
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("extended")]
    [InlineData("quoted")]
    public async Task A_real_cursor_that_was_cut_or_added_to_is_refused_and_nothing_changes(string change)
    {
        var first = await runs.Db.RunAsync("runs", "search", "--limit", "1", "--json");
        var cursor = System.Text.Json.JsonDocument.Parse(first.Output).RootElement.GetProperty("nextCursor").GetString()!;
        var bad = change switch
        {
            "truncated" => cursor[..^4],
            "extended" => cursor + "AAAA",
            _ => cursor + "' OR '1'='1",
        };
        var before = await runs.SnapshotAsync();

        var run = await runs.Db.RunAsync("runs", "search", "--limit", "1", "--cursor", bad);

        Assert.Equal(0, (await runs.Db.RunAsync("runs", "search", "--limit", "1", "--cursor", cursor)).ExitCode);
        AssertRefused(run, 2, "was not made by a history search");
        Assert.Equal(before, await runs.SnapshotAsync());
    }

    [Fact]
    public async Task A_schema_name_with_quotes_is_migrated_and_searched_as_written()
    {
        var schema = "we\"ird'; DROP SCHEMA public; --";
        await using var connection = await runs.Db.OpenAsync();

        var migrate = await CliRun.InvokeAsync(CliDatabase.ServerConnection, "--schema", schema, "migrate");
        var list = await CliRun.InvokeAsync(CliDatabase.ServerConnection, "--schema", schema, "runs", "list");

        Assert.Equal((0, 0), (migrate.ExitCode, list.ExitCode));
        Assert.Contains("No runs matched.", list.Output);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_namespace WHERE nspname IN ('public', @schema)", new { schema }));
        await connection.ExecuteAsync($"DROP SCHEMA \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\" CASCADE");
    }

    public static TheoryData<string> SqlMetacharacterTexts() => new(SqlMetacharacters);

    private static void AssertRefused(CliRun run, int exitCode, string expected)
    {
        Assert.True(exitCode == run.ExitCode, $"exit code {run.ExitCode}, expected {exitCode}; stderr: {Shorten(run.Error)}");
        Assert.Equal("", run.Output);
        var lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1 && lines[0].Length > 0, $"stderr is not one line: {Shorten(run.Error)}");
        Assert.True(lines[0].Length <= 600, $"stderr line is {lines[0].Length} characters long: {Shorten(run.Error)}");
        Assert.DoesNotContain("\0", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // Cases are one string (arguments separated by U+001F) so that xUnit shows each as its own test.
    private static string Args(params string[] args) => string.Join('\u001f', args);

    private string[] Expand(string args) => args.Split('\u001f')
        .Select(a => a.Replace(Huge, new string('x', 100_000), StringComparison.Ordinal)
            .Replace(Failed, runs.FailedId.ToString(), StringComparison.Ordinal)
            .Replace(Pending, runs.PendingId.ToString(), StringComparison.Ordinal))
        .ToArray();

    /// <summary>A migrated schema with one failed and one pending run, shared by every case: none may change it.</summary>
    public sealed class Runs : IAsyncLifetime
    {
        public CliDatabase Db { get; } = new();

        public Guid FailedId { get; private set; }

        public Guid PendingId { get; private set; }

        public async Task InitializeAsync()
        {
            Assert.Equal(0, (await Db.RunAsync("migrate")).ExitCode);
            FailedId = await Db.FailedRunAsync("orders", "payment gateway timed out");
            PendingId = await Db.PendingRunAsync("orders");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        /// <summary>Every row count and every run's state, as text to compare.</summary>
        public async Task<string> SnapshotAsync()
        {
            await using var connection = await Db.OpenAsync();
            var rows = await connection.QueryAsync<string>(
                $"""
                SELECT 'runs ' || count(*) FROM "{Db.Schema}".runs
                UNION ALL SELECT 'checkpoints ' || count(*) FROM "{Db.Schema}".checkpoints
                UNION ALL SELECT 'attempts ' || count(*) FROM "{Db.Schema}".attempts
                UNION ALL SELECT * FROM (SELECT concat_ws(' ', id, status, execution, attempt, step_index, error, updated_at) FROM "{Db.Schema}".runs ORDER BY id) AS states
                """);
            return string.Join('\n', rows);
        }
    }
}
