using Inquir.Typed.Postgres;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// <c>Inquir:ConnectionString</c> (with <c>Inquir:Schema</c>) chooses the PostgreSQL store without code, as
/// <c>Inquir:Sqlite:ConnectionString</c> chooses SQLite; with no store chosen at all the host does not start.
/// </summary>
public sealed class StoreConfigurationTests
{
    [Fact]
    public async Task The_postgres_connection_string_in_configuration_runs_the_workflows_in_the_configured_schema()
    {
        var schema = TestDatabase.NewSchema();
        using var host = await StartAsync(new() { ["Inquir:ConnectionString"] = TestDatabase.ConnectionString, ["Inquir:Schema"] = schema });

        var run = await host.Services.GetRequiredService<IWorkflowClient>().StartDoublingWorkflowAsync("ab");

        Assert.Equal("abab", await run.WaitAsync(Eventually.Limit));
        Assert.IsType<PostgresRunStore>(host.Services.GetRequiredService<IRunStore>());
        Assert.Equal(schema, host.Services.GetRequiredService<IOptions<InquirOptions>>().Value.Schema);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_postgres_connection_string_in_configuration_that_names_no_host_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Inquir:ConnectionString"] = "Port=5432;Username=inquir" }));

        Assert.Equal("Inquir:ConnectionString: The PostgreSQL connection string names no Host.", error.Message);
    }

    [Fact]
    public async Task A_host_with_no_store_does_not_start_and_names_both_ways_to_choose_each_store()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync([]));

        Assert.Contains("no store is chosen", error.Message);
        Assert.Contains("o.UsePostgres(connectionString) or set Inquir:ConnectionString (dotnet add package Inquir.Typed.Postgres)", error.Message);
        Assert.Contains("o.UseSqlite(\"Data Source=inquir.db\") or set Inquir:Sqlite:ConnectionString (dotnet add package Inquir.Typed.Sqlite)", error.Message);
    }

    private static Task<IHost> StartAsync(Dictionary<string, string?> configuration) => ConfiguredHost.StartAsync<DoublingWorkflow>(configuration);
}
