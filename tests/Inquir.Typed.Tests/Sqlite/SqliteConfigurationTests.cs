using Inquir.Typed.Sqlite;
using Inquir.Typed.Storage;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.TestWorker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed.Tests.Sqlite;

/// <summary><c>Inquir:Sqlite:ConnectionString</c> chooses the SQLite store without code, as <c>Inquir:ConnectionString</c> chooses PostgreSQL.</summary>
public sealed class SqliteConfigurationTests
{
    [Fact]
    public async Task The_sqlite_connection_string_in_configuration_runs_the_workflows_on_that_file()
    {
        var file = SqliteFiles.NewPath();
        try
        {
            using var host = await StartAsync(new() { ["Inquir:Sqlite:ConnectionString"] = $"Data Source={file}" });

            var run = await host.Services.GetRequiredService<IWorkflowClient>().StartSharedFileWorkflowAsync(20);

            Assert.Equal(42, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.IsType<SqliteRunStore>(host.Services.GetRequiredService<IRunStore>());
            Assert.True(File.Exists(file));
            await host.StopAsync();
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [Fact]
    public async Task Both_stores_in_configuration_stop_the_start_naming_both_keys()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new()
        {
            ["Inquir:ConnectionString"] = "Host=localhost;Username=inquir",
            ["Inquir:Sqlite:ConnectionString"] = "Data Source=inquir.db",
        }));

        Assert.Equal("Both Inquir:ConnectionString (PostgreSQL) and Inquir:Sqlite:ConnectionString are set; set only the one of the store to use.", error.Message);
    }

    [Fact]
    public async Task A_sqlite_connection_string_that_names_no_file_stops_the_start_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { ["Inquir:Sqlite:ConnectionString"] = "Mode=ReadOnly" }));

        Assert.Equal("Inquir:Sqlite:ConnectionString: The SQLite connection string names no file; write Data Source=inquir.db.", error.Message);
    }

    private static Task<IHost> StartAsync(Dictionary<string, string?> configuration) => ConfiguredHost.StartAsync<SharedFileWorkflow>(configuration);
}
