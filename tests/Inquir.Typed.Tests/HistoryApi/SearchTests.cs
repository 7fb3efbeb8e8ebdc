using System.Text.Json.Nodes;

namespace Inquir.Typed.Tests.HistoryApi;

public sealed class SearchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly SeededRun _old = new() { CreatedAt = Noon.AddDays(-2), Input = """{"userId": 7}""" };
    private readonly SeededRun _failedCharge = new() { Status = "failed", Error = "Card DECLINED by issuer", Input = """{"userId": 42, "region": {"code": "eu"}}""", CreatedAt = Noon.AddMinutes(1) };
    private readonly SeededRun _failedShip = new() { Status = "failed", Step = "Ship", Error = "carrier timeout", Input = """{"userId": 42}""", CreatedAt = Noon.AddMinutes(2) };
    private readonly SeededRun _keyed = new() { Key = "order-17", Input = """{"userId": "42"}""", CreatedAt = Noon.AddMinutes(3) };
    private readonly SeededRun _otherWorkflow = new() { Workflow = "emails", Status = "pending", Step = null, Error = "50% off_sale", CreatedAt = Noon.AddMinutes(4) };
    private HistoryServices _services = null!;

    private IWorkflowHistory History => _services.History;

    public async Task InitializeAsync()
    {
        _services = await HistoryServices.CreateAsync();
        await SeededRun.InsertAsync(_services.Schema, [_old, _failedCharge, _failedShip, _keyed, _otherWorkflow]);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_empty_query_lists_every_run_newest_first() =>
        Assert.Equal([_otherWorkflow.Id, _keyed.Id, _failedShip.Id, _failedCharge.Id, _old.Id], await IdsAsync(new RunQuery()));

    [Fact]
    public async Task Since_and_until_bound_the_creation_time() =>
        Assert.Equal([_failedShip.Id, _failedCharge.Id], await IdsAsync(new RunQuery { Since = Noon.AddMinutes(1), Until = Noon.AddMinutes(3) }));

    [Fact]
    public async Task Workflow_filter_matches_the_stored_name() =>
        Assert.Equal([_otherWorkflow.Id], await IdsAsync(new RunQuery { Workflow = "emails" }));

    [Fact]
    public async Task Step_filter_matches_the_current_step() =>
        Assert.Equal([_failedShip.Id], await IdsAsync(new RunQuery { Step = "Ship" }));

    [Fact]
    public async Task Status_filter_matches_one_status() =>
        Assert.Equal([_failedShip.Id, _failedCharge.Id], await IdsAsync(new RunQuery { Status = RunStatus.Failed }));

    [Fact]
    public async Task Idempotency_key_filter_matches_exactly() =>
        Assert.Equal([_keyed.Id], await IdsAsync(new RunQuery { IdempotencyKey = "order-17" }));

    [Fact]
    public async Task Error_text_is_a_case_insensitive_substring() =>
        Assert.Equal([_failedCharge.Id], await IdsAsync(new RunQuery { ErrorContains = "card declined" }));

    [Fact]
    public async Task Error_text_wildcards_are_matched_literally()
    {
        Assert.Equal([_otherWorkflow.Id], await IdsAsync(new RunQuery { ErrorContains = "50% off_" }));
        Assert.Empty(await IdsAsync(new RunQuery { ErrorContains = "c_rd" }));
        Assert.Empty(await IdsAsync(new RunQuery { ErrorContains = "%" + "declined" }));
    }

    [Fact]
    public async Task Input_match_compares_json_values_by_type() =>
        Assert.Equal([_failedShip.Id, _failedCharge.Id], await IdsAsync(new RunQuery { Input = [InputMatch.Parse("userId=42")] }));

    [Fact]
    public async Task Input_match_follows_a_nested_path() =>
        Assert.Equal([_failedCharge.Id], await IdsAsync(new RunQuery { Input = [InputMatch.Parse("region.code=eu")] }));

    [Fact]
    public async Task Input_match_of_a_string_finds_the_string()
    {
        Assert.Equal([_keyed.Id], await IdsAsync(new RunQuery { Input = [InputMatch.Parse("userId=\"42\"")] }));
    }

    [Fact]
    public async Task Several_input_matches_must_all_hold()
    {
        Assert.Equal([_failedCharge.Id], await IdsAsync(new RunQuery { Input = [InputMatch.Parse("userId=42"), InputMatch.Parse("region.code=eu")] }));
        Assert.Empty(await IdsAsync(new RunQuery { Input = [InputMatch.Parse("userId=42"), InputMatch.Parse("region.code=us")] }));
        var contradiction = await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(new RunQuery { Input = [InputMatch.Parse("userId=42"), InputMatch.Parse("userId=7")] }));
        Assert.Equal("query", contradiction.ParamName);
    }

    [Fact]
    public async Task Combined_filters_must_all_match()
    {
        var query = new RunQuery
        {
            Workflow = "orders",
            Status = RunStatus.Failed,
            Step = "Charge",
            ErrorContains = "declined",
            Input = [InputMatch.Parse("userId=42")],
            Since = Noon,
            Until = Noon.AddHours(1),
        };

        Assert.Equal([_failedCharge.Id], await IdsAsync(query));
        Assert.Empty(await IdsAsync(query with { Step = "Ship" }));
        Assert.Empty(await IdsAsync(query with { IdempotencyKey = "order-17" }));
    }

    [Theory]
    [InlineData("'; DROP TABLE runs; --")]
    [InlineData("orders' OR '1'='1")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("%' OR error IS NOT NULL OR '")]
    [InlineData("x'); DELETE FROM runs; SELECT ('")]
    public async Task Sql_injection_through_any_filter_finds_nothing_and_changes_nothing(string attack)
    {
        var queries = new[]
        {
            new RunQuery { Workflow = attack },
            new RunQuery { Step = attack },
            new RunQuery { IdempotencyKey = attack },
            new RunQuery { ErrorContains = attack },
            new RunQuery { Input = [new InputMatch([attack], System.Text.Json.Nodes.JsonValue.Create(attack))] },
            new RunQuery { Input = [InputMatch.Parse("userId=" + attack)] },
        };

        foreach (var query in queries)
        {
            Assert.Empty(await IdsAsync(query));
        }

        Assert.Equal(5, await _services.Tables.CountAsync("runs"));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_naming_the_query()
    {
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(new RunQuery { Limit = 0 }))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(new RunQuery { Limit = -5 }))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(new RunQuery { Limit = RunQuery.MaxLimit + 1 }))).ParamName);
        var range = await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(new RunQuery { Since = Noon, Until = Noon }));
        Assert.Contains("time range is empty", range.Message);
        var cursor = await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(new RunQuery { Cursor = "not-a-cursor" }));
        Assert.Contains("cursor", cursor.Message);
        Assert.Throws<ArgumentException>(() => InputMatch.Parse("no equals sign"));
        Assert.Throws<ArgumentException>(() => InputMatch.Parse("a..b=1"));
    }

    [Fact]
    public async Task Text_no_database_can_hold_and_over_deep_input_paths_are_refused_before_the_query()
    {
        var nul = "a\0b";
        foreach (var query in new[]
        {
            new RunQuery { Workflow = nul },
            new RunQuery { Step = nul },
            new RunQuery { IdempotencyKey = nul },
            new RunQuery { ErrorContains = nul },
            new RunQuery { Input = [new InputMatch(["userId"], JsonValue.Create(nul))] },
        })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>(() => History.SearchAsync(query));
            Assert.Equal("query", error.ParamName);
            Assert.Contains("U+0000", error.Message);
        }

        var deep = await Assert.ThrowsAsync<ArgumentException>(() =>
            History.SearchAsync(new RunQuery { Input = [new InputMatch(Enumerable.Repeat("a", 100).ToList(), JsonValue.Create(1))] }));
        Assert.Equal("query", deep.ParamName);
        Assert.Contains("cannot be searched", deep.Message);
        Assert.Equal(5, await _services.Tables.CountAsync("runs"));
    }

    private async Task<IReadOnlyList<Guid>> IdsAsync(RunQuery query) => (await History.SearchAsync(query)).Runs.Select(r => r.Id).ToList();
}
