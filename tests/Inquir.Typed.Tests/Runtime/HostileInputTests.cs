using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// Bad and malicious input through the public API: each case gets a clear error (or is handled as plain data) and
/// changes nothing it should not.
/// </summary>
public abstract class HostileInputTests(TestStore store) : OnEveryStore(store), IAsyncLifetime
{
    public static readonly TheoryData<string> SqlMetacharacters =
    [
        "'; DROP TABLE runs; --",
        "\" OR 1=1; --",
        "$1 @id :name ? {schema} %s \\ ' '' \"",
        "Robert'); DELETE FROM checkpoints WHERE ('1'='1",
        "\U0001D11E ünïcödé \t\r\n",
    ];

    private WorkerHost _host = null!;

    private History History => Database.History;

    public async Task InitializeAsync()
    {
        _host = await WorkerHost.StartAsync(Database, s => s.AddWorkflow<DoublingWorkflow>());
        await _host.Services.GetRequiredService<SchemaReadiness>().EnsureAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_huge_idempotency_key_is_refused_naming_its_length_and_nothing_is_written()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartDoublingWorkflowAsync("x", idempotencyKey: new string('k', 1_000_000)));

        Assert.Contains("The idempotency key is 1000000 characters long; at most 512 are allowed", error.Message);
        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Fact]
    public async Task An_idempotency_key_with_a_NUL_character_is_refused_and_nothing_is_written()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartDoublingWorkflowAsync("x", idempotencyKey: "key\0tail"));

        Assert.Contains("holds the character U+0000", error.Message);
        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Theory]
    [MemberData(nameof(SqlMetacharacters))]
    public async Task SQL_metacharacters_in_an_idempotency_key_are_plain_data(string key)
    {
        var first = await _host.Client.StartDoublingWorkflowAsync("a", idempotencyKey: key);
        var second = await _host.Client.StartDoublingWorkflowAsync("b", idempotencyKey: key);

        Assert.Equal((true, false, first.Id), (first.Created, second.Created, second.Id));
        Assert.Equal("aa", await first.WaitAsync(Eventually.Limit));
        Assert.Equal(1, await History.CountAsync("runs", "idempotency_key = @key", new { key }));
    }

    [Theory]
    [MemberData(nameof(SqlMetacharacters))]
    public async Task SQL_metacharacters_in_an_input_come_back_unchanged_through_the_run_and_its_checkpoint(string text)
    {
        var run = await _host.Client.StartDoublingWorkflowAsync(text);

        Assert.Equal(text + text, await run.WaitAsync(Eventually.Limit));
        Assert.Equal(1, await History.CountAsync("checkpoints"));
        Assert.Equal(1, await History.CountAsync("runs"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("{\"open\": [1, 2}")]
    [InlineData("'single quotes'")]
    public async Task Input_that_is_not_JSON_is_refused_through_the_untyped_start_and_nothing_is_written(string json)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartAsync("doubling", json));

        Assert.Contains("The input of workflow 'doubling' is not valid JSON", error.Message);
        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Fact]
    public async Task Input_with_a_lone_surrogate_is_refused_through_the_untyped_start_and_nothing_is_written()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartAsync("doubling", "\"a\uD800b\""));

        Assert.Contains("The input of workflow 'doubling' holds a lone surrogate, which has no UTF-8 form", error.Message);
        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Fact]
    public async Task Input_with_a_lone_surrogate_is_refused_through_the_typed_start_and_nothing_is_written()
    {
        // Built in code: an attribute's string argument is stored as UTF-8, which turns a lone surrogate into U+FFFD.
        string[] inputs = ["a" + '\uD800' + "b", "tail" + '\uDBFF', '\uDC00' + "head", string.Concat('\uDD1E', '\uD834')];
        foreach (var input in inputs)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _host.Client.StartDoublingWorkflowAsync(input));

            Assert.Contains("holds a lone surrogate", error.Message);
        }

        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Fact]
    public async Task Input_with_a_surrogate_pair_is_kept_as_given_through_the_typed_start()
    {
        var run = await _host.Client.StartDoublingWorkflowAsync("\U0001D11E");

        Assert.Equal("\U0001D11E\U0001D11E", await run.WaitAsync(Eventually.Limit));
    }

    [Fact]
    public async Task Input_with_a_NUL_character_is_refused_before_PostgreSQL_sees_it_and_nothing_is_written()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartDoublingWorkflowAsync("before\0after"));

        Assert.Contains("holds the character U+0000, which PostgreSQL jsonb cannot store", error.Message);
        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Theory]
    [MemberData(nameof(SqlMetacharacters))]
    public async Task A_workflow_name_with_SQL_metacharacters_is_an_unknown_workflow_and_nothing_is_written(string name)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.StartAsync(name, "\"x\""));

        Assert.Contains("is registered", error.Message);
        Assert.Equal(0, await History.CountAsync("runs"));
    }

    [Fact]
    public async Task An_unknown_run_id_reads_as_no_run_and_waiting_for_it_says_it_does_not_exist()
    {
        Assert.Null(await _host.Client.GetRunAsync(Guid.NewGuid()));
        Assert.Null(await _host.Client.GetRunAsync(Guid.Empty));

        var ghost = new WorkflowRun<string>(_host.Client, Guid.Empty, false, DoublingWorkflow.InquirDescriptor.ResultSerializer);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ghost.WaitAsync(Eventually.Limit));
        Assert.Contains($"Run {Guid.Empty} no longer exists", error.Message);
    }

    [Fact]
    public async Task A_stored_result_that_no_longer_decodes_gives_an_error_naming_the_expected_type()
    {
        var run = await _host.Client.StartDoublingWorkflowAsync("r");
        await run.WaitAsync(Eventually.Limit);
        await History.ExecuteAsync("UPDATE {schema}.runs SET result = '{\"changed\": [1]}' WHERE id = @id", new { id = run.Id });

        var error = await Assert.ThrowsAsync<CheckpointDecodeException>(() => run.WaitAsync(Eventually.Limit));

        Assert.Equal(typeof(string), error.TargetType);
        Assert.Contains("cannot be read as System.String", error.Message);
    }
}

/// <summary>On PostgreSQL also the schema name (quoted, checked, created only when valid) and options checked before any schema is made.</summary>
public sealed class PostgresHostileInputTests() : HostileInputTests(TestStore.Postgres)
{
    [Fact]
    public async Task A_schema_name_with_quotes_and_SQL_metacharacters_works_end_to_end()
    {
        var schema = "q\"uo'te; DROP " + Guid.NewGuid().ToString("N")[..8];
        await RunsEndToEndInAsync(schema);
    }

    [Theory]
    [InlineData("a*/b")]
    [InlineData("/* a")]
    [InlineData("a--b")]
    [InlineData("a'b''c")]
    [InlineData("a\"b\"\"c")]
    [InlineData("a$$b$tag$c")]
    [InlineData("a;b")]
    public async Task A_schema_name_with_comment_quote_and_dollar_characters_works_end_to_end(string prefix)
    {
        await RunsEndToEndInAsync(prefix + " " + Guid.NewGuid().ToString("N")[..8]);
    }

    [Fact]
    public async Task A_schema_name_of_exactly_63_bytes_of_UTF_8_works_end_to_end()
    {
        var schema = new string('\u00fc', 27) + Guid.NewGuid().ToString("N")[..9];

        Assert.Equal(63, System.Text.Encoding.UTF8.GetByteCount(schema));
        await RunsEndToEndInAsync(schema);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\t")]
    [InlineData("\u0000")]
    [InlineData("\u007f")]
    [InlineData("\u0085")]
    public async Task A_schema_name_with_a_control_character_runs_no_SQL_and_stops_the_host_naming_the_setting(string control)
    {
        var victim = "victim_" + Guid.NewGuid().ToString("N")[..12];
        var prefix = "s_" + Guid.NewGuid().ToString("N")[..8];
        var schema = prefix + control + $"DROP TABLE public.{victim}; --";
        await using var connection = await TestDatabase.OpenAsync();
        await connection.ExecuteAsync($"CREATE TABLE public.{victim} (id int)");
        try
        {
            var refused = await Record.ExceptionAsync(async () =>
            {
                await using var host = await WorkerHost.StartAsync(schema, s => s.AddWorkflow<DoublingWorkflow>(), w => w.Enabled = false);
                await host.Services.GetRequiredService<SchemaReadiness>().EnsureAsync(CancellationToken.None);
            });

            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = @victim", new { victim }));
            var error = Assert.IsType<OptionsValidationException>(refused);
            Assert.Contains("Inquir:Schema must not contain control characters", error.Message);
            Assert.Contains($"U+{(int)control[0]:X4} at index {prefix.Length}", error.Message);
            Assert.Empty(await SchemasStartingWithAsync(connection, prefix));
        }
        finally
        {
            await connection.ExecuteAsync($"DROP TABLE IF EXISTS public.{victim}");
            foreach (var created in await SchemasStartingWithAsync(connection, prefix))
            {
                await connection.ExecuteAsync($"DROP SCHEMA {SqlScripts.QuoteIdentifier(created)} CASCADE");
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a_schema_name_that_is_sixty_four_characters_long_xxxxxxxxxxxxxxx")]
    [InlineData("\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc\u00fc")]
    public async Task A_schema_name_that_PostgreSQL_cannot_hold_stops_the_host_naming_the_setting_and_nothing_is_created(string schema)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkerHost.StartAsync(schema, s => s.AddWorkflow<DoublingWorkflow>()));

        Assert.Contains("Inquir:Schema must be 1 to 63 characters", error.Message);
        Assert.Contains("at most 63 bytes in UTF-8", error.Message);
        await using var connection = await TestDatabase.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", new { schema }));
    }

    [Theory]
    [InlineData("Inquir:MaxInputBytes", "-1", "Inquir:MaxInputBytes must be at least 1; it is -1")]
    [InlineData("Inquir:MaxStepOutputBytes", "0", "Inquir:MaxStepOutputBytes must be at least 1; it is 0")]
    [InlineData("Inquir:StatementTimeout", "-00:00:01", "Inquir:StatementTimeout must not be negative")]
    [InlineData("Inquir:IdleInTransactionSessionTimeout", "-00:00:01", "Inquir:IdleInTransactionSessionTimeout must not be negative")]
    [InlineData("Inquir:Worker:Concurrency", "-4", "Inquir:Worker:Concurrency must be between 1 and 10000; it is -4")]
    [InlineData("Inquir:Worker:LeaseDuration", "00:00:00", "Inquir:Worker:LeaseDuration must be at least 1 s")]
    [InlineData("Inquir:Worker:MaxCompletionBatch", "-1", "Inquir:Worker:MaxCompletionBatch must be at least 1; it is -1")]
    [InlineData("Inquir:Worker:TimeoutGracePeriod", "-00:00:01", "Inquir:Worker:TimeoutGracePeriod must not be negative")]
    public async Task A_bad_option_stops_the_host_with_a_message_naming_it_and_nothing_is_created(string key, string value, string expected)
    {
        var schema = TestDatabase.NewSchema();
        var configuration = new Dictionary<string, string?> { [key] = value };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkerHost.StartAsync(schema, s => s.AddWorkflow<DoublingWorkflow>(), configuration: configuration));

        Assert.Contains(expected, error.Message);
        await using var connection = await TestDatabase.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", new { schema }));
    }

    private static async Task<IReadOnlyList<string>> SchemasStartingWithAsync(Npgsql.NpgsqlConnection connection, string prefix) =>
        (await connection.QueryAsync<string>("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, @prefix)", new { prefix })).AsList();

    private static async Task RunsEndToEndInAsync(string schema)
    {
        await using (var host = await WorkerHost.StartAsync(schema, s => s.AddWorkflow<DoublingWorkflow>()))
        {
            var run = await host.Client.StartDoublingWorkflowAsync("s");

            Assert.Equal("ss", await run.WaitAsync(Eventually.Limit));
        }

        await using var connection = await TestDatabase.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", new { schema }));
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM pg_tables WHERE schemaname = @schema AND tablename IN ('runs', 'checkpoints', 'attempts')", new { schema }));
        await connection.ExecuteAsync($"DROP SCHEMA {SqlScripts.QuoteIdentifier(schema)} CASCADE");
    }
}

public sealed class SqliteHostileInputTests() : HostileInputTests(TestStore.Sqlite);
