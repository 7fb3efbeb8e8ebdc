using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Inquir.Typed.Aspire.Tests;

/// <summary>
/// <c>builder.AddInquir("inquirdb")</c> as a service of an Aspire app sees it: the connection string under
/// <c>ConnectionStrings:inquirdb</c>, against the real PostgreSQL that scripts/test.sh starts.
/// </summary>
public sealed class ClientIntegrationTests
{
    [Fact]
    public async Task AddInquir_with_a_connection_name_runs_a_pipeline_over_Aspires_keyed_data_source()
    {
        var builder = NewBuilder(TestServer.NewSchema());
        builder.AddInquir("inquirdb");
        builder.Services.AddWorkflow<Invoice>();
        using var host = builder.Build();
        await host.StartAsync();

        var run = await host.Services.GetRequiredService<IWorkflowClient>().StartInvoiceAsync("ada");

        Assert.Equal("invoice for ada mailed", await run.WaitAsync(TestServer.Limit));
        Assert.NotNull(host.Services.GetKeyedService<NpgsqlDataSource>("inquirdb"));
        Assert.Null(host.Services.GetService<NpgsqlDataSource>());
        await host.StopAsync();
    }

    [Fact]
    public async Task Health_checks_of_Npgsql_and_Inquir_are_registered_and_healthy_once_the_worker_turns()
    {
        var builder = NewBuilder(TestServer.NewSchema());
        builder.AddInquir("inquirdb");
        builder.Services.AddWorkflow<Invoice>();
        using var host = builder.Build();
        await host.StartAsync();
        await (await host.Services.GetRequiredService<IWorkflowClient>().StartInvoiceAsync("bo")).WaitAsync(TestServer.Limit);

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Contains(InquirHealthChecksBuilderExtensions.DatabaseCheckName, report.Entries.Keys);
        Assert.Contains(InquirHealthChecksBuilderExtensions.WorkerCheckName, report.Entries.Keys);
        Assert.Contains(InquirHealthChecksBuilderExtensions.BacklogCheckName, report.Entries.Keys);
        Assert.Contains(report.Entries.Keys, name => name.Contains("inquirdb", StringComparison.Ordinal));   // Aspire.Npgsql's own
        Assert.True(report.Status == HealthStatus.Healthy, string.Join("; ", report.Entries.Select(e => $"{e.Key}: {e.Value.Status} {e.Value.Description}")));
        await host.StopAsync();
    }

    [Fact]
    public async Task Traces_and_metrics_of_Inquir_reach_the_OpenTelemetry_the_service_defaults_set_up()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = NewBuilder(TestServer.NewSchema());
        builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddInMemoryExporter(metrics));
        builder.AddInquir("inquirdb");
        builder.Services.AddWorkflow<Invoice>();
        using var host = builder.Build();
        await host.StartAsync();

        await (await host.Services.GetRequiredService<IWorkflowClient>().StartInvoiceAsync("cy")).WaitAsync(TestServer.Limit);
        host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        host.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains(spans, s => s.Source.Name == InquirTelemetry.Name);
        Assert.Contains(spans, s => s.Source.Name == InquirTelemetry.MessagingName && s.Kind == ActivityKind.Producer);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql");
        Assert.Contains(metrics, m => m.MeterName == InquirTelemetry.Name && m.Name == "inquir.steps.retries");
        await host.StopAsync();
    }

    [Fact]
    public void Settings_from_configuration_leave_out_the_health_checks_and_telemetry_they_disable()
    {
        var builder = NewBuilder(TestServer.NewSchema());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aspire:Inquir:inquirdb:DisableHealthChecks"] = "true",
            ["Aspire:Inquir:DisableTracing"] = "true",
        });
        InquirAspireSettings? seen = null;
        builder.AddInquir("inquirdb", configureSettings: s => seen = s);
        using var host = builder.Build();

        var registrations = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.NotNull(seen);
        Assert.True(seen.DisableHealthChecks);
        Assert.True(seen.DisableTracing);
        Assert.False(seen.DisableMetrics);
        Assert.DoesNotContain(registrations, r => r.Name.StartsWith("inquir-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddInquirClient_with_a_connection_name_starts_runs_and_runs_no_background_service()
    {
        var schema = TestServer.NewSchema();
        var worker = NewBuilder(schema);
        worker.AddInquir("inquirdb");
        worker.Services.AddWorkflow<Invoice>();
        using var workerHost = worker.Build();
        await workerHost.StartAsync();

        var client = NewBuilder(schema);
        client.AddInquirClient("inquirdb");
        client.Services.AddWorkflow<Invoice>();
        using var clientHost = client.Build();
        await clientHost.StartAsync();

        Assert.DoesNotContain(clientHost.Services.GetServices<IHostedService>(), s => s.GetType().Assembly == typeof(IWorkflowClient).Assembly);
        var run = await clientHost.Services.GetRequiredService<IWorkflowClient>().StartInvoiceAsync("di");
        Assert.Equal("invoice for di mailed", await run.WaitAsync(TestServer.Limit));
        await clientHost.StopAsync();
        await workerHost.StopAsync();
    }

    [Fact]
    public async Task A_service_the_AppHost_gave_no_connection_string_does_not_start_and_says_where_it_looked()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddInquir("inquirdb");
        builder.Services.AddWorkflow<Invoice>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:inquirdb", error.Message);
    }

    [Fact]
    public void A_blank_connection_name_is_refused_by_name()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        var error = Assert.ThrowsAny<ArgumentException>(() => builder.AddInquir(" "));

        Assert.Equal("connectionName", error.ParamName);
    }

    private static HostApplicationBuilder NewBuilder(string schema)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:inquirdb"] = TestServer.ConnectionString,
            ["Inquir:Schema"] = schema,
            ["Inquir:Worker:PollInterval"] = "00:00:00.200",
        });
        return builder;
    }
}
