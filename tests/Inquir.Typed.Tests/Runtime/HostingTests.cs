using Dapper;
using Inquir.Typed.Tests.Infrastructure;
using Inquir.Typed.Tests.Store.Contract;
using Inquir.Typed.Tests.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Inquir.Typed.Tests.Runtime;

/// <summary>
/// Inquir.Typed added the .NET way: on a host builder, as a client with no background service, and over the
/// application's own <see cref="NpgsqlDataSource"/>, plain or keyed, which stays the application's.
/// </summary>
public sealed class HostingTests
{
    [Fact]
    public async Task AddInquir_on_a_host_builder_runs_the_workflows_added_to_its_services()
    {
        var file = SqliteFiles.NewPath();
        try
        {
            var builder = NewBuilder();
            builder.AddInquir(o => o.UseSqlite($"Data Source={file}")).Services.AddWorkflow<DoublingWorkflow>();
            using var host = builder.Build();
            await host.StartAsync();

            var run = await host.Services.GetRequiredService<IWorkflowClient>().StartDoublingWorkflowAsync("ab");

            Assert.Equal("abab", await run.WaitAsync(Eventually.Limit));
            await host.StopAsync();
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    [Fact]
    public async Task A_client_process_has_no_background_service_and_a_worker_process_runs_the_runs_it_starts()
    {
        var schema = TestDatabase.NewSchema();
        var builder = NewBuilder();
        builder.AddInquirClient(o => o.UsePostgres(TestDatabase.ConnectionString, schema)).Services.AddWorkflow<DoublingWorkflow>();
        using var client = builder.Build();
        await client.StartAsync();

        Assert.DoesNotContain(client.Services.GetServices<IHostedService>(), s => s.GetType().Assembly == typeof(IWorkflowClient).Assembly);
        var run = await client.Services.GetRequiredService<IWorkflowClient>().StartDoublingWorkflowAsync("cd");
        await using (var worker = await WorkerHost.StartAsync(schema, s => s.AddWorkflow<DoublingWorkflow>()))
        {
            Assert.Equal("cdcd", await run.WaitAsync(Eventually.Limit));
        }

        await client.StopAsync();
    }

    [Fact]
    public async Task UsePostgres_with_the_applications_data_source_opens_every_connection_through_it_and_leaves_it_open()
    {
        var schema = TestDatabase.NewSchema();
        var application = $"app-{schema}";
        await using var dataSource = AppDataSource(application);
        var builder = NewBuilder();
        builder.AddInquir(o => o.UsePostgres(dataSource)).Services.AddWorkflow<DoublingWorkflow>();
        builder.Services.Configure<InquirOptions>(o => o.Schema = schema);

        await RunOnceAndStopAsync(builder, "ef");

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT 1"));
    }

    [Theory]
    [InlineData("jobs")]
    [InlineData(null)]
    public async Task UseNpgsqlDataSource_takes_the_one_registered_in_the_container_keyed_or_not(string? key)
    {
        var schema = TestDatabase.NewSchema();
        var application = $"app-{schema}";
        var builder = NewBuilder();
        if (key is null)
        {
            builder.Services.AddSingleton(_ => AppDataSource(application));
        }
        else
        {
            builder.Services.AddKeyedSingleton(key, (_, _) => AppDataSource(application));
            builder.Services.AddSingleton(_ => AppDataSource("unkeyed-" + application));
        }

        builder.AddInquir(o =>
        {
            o.UseNpgsqlDataSource(key);
            o.Schema = schema;
        }).Services.AddWorkflow<DoublingWorkflow>();

        await RunOnceAndStopAsync(builder, "gh");
    }

    [Fact]
    public async Task UseNpgsqlDataSource_with_nothing_registered_under_its_key_stops_the_start_and_says_how_to_register_one()
    {
        var builder = NewBuilder();
        builder.Services.AddSingleton(_ => AppDataSource("unkeyed"));
        builder.AddInquir(o => o.UseNpgsqlDataSource("jobs")).Services.AddWorkflow<DoublingWorkflow>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("UseNpgsqlDataSource(\"jobs\") found no NpgsqlDataSource registered with the key \"jobs\"", error.Message);
        Assert.Contains("AddNpgsqlDataSource(connectionString, serviceKey: \"jobs\")", error.Message);
    }

    private static HostApplicationBuilder NewBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<InquirOptions>(o => o.Worker.PollInterval = TimeSpan.FromMilliseconds(200));
        return builder;
    }

    private static NpgsqlDataSource AppDataSource(string applicationName) =>
        new NpgsqlDataSourceBuilder(TestDatabase.ConnectionString) { ConnectionStringBuilder = { ApplicationName = applicationName } }.Build();

    /// <summary>Runs one workflow, and checks that the runtime's connections (its wake-up listener holds one while the host runs) carry the application's name.</summary>
    private static async Task RunOnceAndStopAsync(HostApplicationBuilder builder, string input)
    {
        using var host = builder.Build();
        await host.StartAsync();
        var run = await host.Services.GetRequiredService<IWorkflowClient>().StartDoublingWorkflowAsync(input);
        Assert.Equal(input + input, await run.WaitAsync(Eventually.Limit));

        var schema = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<InquirOptions>>().Value.Schema;
        await using var probe = await TestDatabase.OpenAsync();
        Assert.True(
            await probe.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", new { name = $"app-{schema}" }) >= 1,
            "no connection with the application's data source's name");
        await host.StopAsync();
    }
}
