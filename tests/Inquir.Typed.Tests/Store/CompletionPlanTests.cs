using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Npgsql;
using static Inquir.Typed.Tests.Store.StoreSteps;

namespace Inquir.Typed.Tests.Store;

/// <summary>
/// The completion write is prepared, so after a few calls PostgreSQL runs it with a generic plan, which takes every
/// array parameter for ten rows. A join between two of the statement's own row sets then became a nested loop that
/// scanned one set once per row of the other: its work grew with the square of the batch. This runs the statement's
/// generic plan on a batch of 100 and counts the rows its join filters threw away.
/// </summary>
public sealed partial class CompletionPlanTests
{
    private const int Batch = 100;

    [Fact]
    public async Task The_generic_plan_of_the_completion_write_does_no_work_that_grows_with_the_square_of_the_batch()
    {
        var schema = TestDatabase.NewSchema();

        // One connection that keeps its session: the statement the store prepared is read back from it.
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString + ";Maximum Pool Size=1;No Reset On Close=true");
        var sql = new SqlScripts(schema);
        var store = StoreFactory.NewStore(dataSource, schema);
        await store.MigrateAsync(default);
        await store.StartRunsAsync(new StartRunsRequest(Enumerable.Range(0, Batch + 1).Select(_ => new NewRun(Guid.NewGuid(), "w", Utf8.Json("{\"n\":1}"), null, null, T0, T0, TimeSpan.Zero, "s0")).ToList(), Transaction: null), default);
        var claims = await store.ClaimAsync(new ClaimRequest("worker", Known, Batch + 1, TimeSpan.FromSeconds(30), T0.AddSeconds(1)), default);
        Assert.Equal(Batch + 1, claims.Count);
        await store.CompleteAsync(new CompleteStepsRequest([Success(claims[0], "{\"n\":2}")], Worker: "worker", Now: T0.AddSeconds(2), Notify: false), default);

        await using var connection = await dataSource.OpenConnectionAsync();
        var prepared = await connection.QuerySingleAsync<(string Name, string Statement)>(
            "SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE '%-- Writes the outcome of many step attempts%'");
        await connection.ExecuteAsync("SET plan_cache_mode = force_generic_plan");
        var parameters = new NpgsqlCommand().Parameters;
        PostgresRunStore.AddCompletionParameters(parameters, claims.Skip(1).Select(c => Success(c, "{\"n\":2}")).ToList(), "worker", T0.AddSeconds(2));
        var arguments = await LiteralsAsync(connection, parameters, Names(sql.CompleteSteps, prepared.Statement));
        await using var transaction = await connection.BeginTransactionAsync();
        var explained = await connection.ExecuteScalarAsync<string>($"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE {prepared.Name} ({arguments})", transaction: transaction);
        using var plan = JsonDocument.Parse(explained!);
        await transaction.RollbackAsync();

        var root = plan.RootElement[0].GetProperty("Plan");
        Assert.Equal(Batch, Nodes(root).Where(n => n.GetProperty("Node Type").GetString() == "ModifyTable" && n.GetProperty("Operation").GetString() == "Update")
            .Select(n => n.GetProperty("Actual Rows").GetDouble()).Single());
        var removed = Nodes(root).Sum(n => n.TryGetProperty("Rows Removed by Join Filter", out var r) ? r.GetDouble() : 0);
        Assert.True(removed < Batch, $"the join filters threw away {removed} rows for a batch of {Batch}");
    }

    // The statement as prepared numbers its parameters ($1…); the script names them (@run_ids…), in the same places
    // outside its comments. The names come back in the order of their numbers.
    private static List<string> Names(string script, string prepared)
    {
        var names = ScriptParameter().Matches(Comment().Replace(script, "")).Select(m => m.Groups[1].Value).ToList();
        var numbers = PreparedParameter().Matches(Comment().Replace(prepared, "")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(names.Count, numbers.Count);
        var byNumber = numbers.Zip(names).DistinctBy(p => p.First).OrderBy(p => p.First).ToList();
        Assert.Equal(Enumerable.Range(1, byNumber.Count), byNumber.Select(p => p.First));
        return byNumber.Select(p => p.Second).ToList();
    }

    // EXECUTE takes no bound parameters under EXPLAIN: each value is written out as the literal PostgreSQL makes of it.
    private static async Task<string> LiteralsAsync(NpgsqlConnection connection, NpgsqlParameterCollection parameters, List<string> names)
    {
        var literals = new List<string>();
        foreach (var name in names)
        {
            var parameter = parameters[name];
            parameters.Remove(parameter);
            await using var quote = new NpgsqlCommand("SELECT quote_nullable(@value)", connection);
            parameter.ParameterName = "value";
            quote.Parameters.Add(parameter);
            literals.Add((string)(await quote.ExecuteScalarAsync())!);
        }

        return string.Join(", ", literals);
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    [GeneratedRegex(@"(?<![@\w])@(\w+)")]
    private static partial Regex ScriptParameter();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex PreparedParameter();
}
