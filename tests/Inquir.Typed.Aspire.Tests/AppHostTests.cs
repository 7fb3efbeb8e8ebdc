using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Aspire.Tests;

/// <summary>
/// The AppHost sample (samples/Aspire/AppHost) through Aspire.Hosting.Testing, pointed at the throwaway PostgreSQL by
/// <c>ConnectionStrings:inquirdb</c>, since no container can run here.
/// </summary>
public sealed class AppHostTests
{
    [Fact]
    public async Task The_AppHost_hands_the_jobs_service_its_database_and_links_the_Inquir_dashboard()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--ConnectionStrings:inquirdb={TestServer.ConnectionString}"]);
        await using var app = await builder.BuildAsync();

        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var names = string.Join(", ", model.Resources.Select(r => $"{r.Name}:{r.GetType().Name}"));
        var database = Assert.Single(model.Resources, r => r.Name == "inquirdb");
        var jobs = Assert.Single(model.Resources.OfType<ProjectResource>(), r => r.Name == "jobs");

        Assert.IsAssignableFrom<IResourceWithConnectionString>(database);
        Assert.DoesNotContain(model.Resources, r => r is PostgresServerResource);
        Assert.Contains(jobs.Annotations.OfType<WaitAnnotation>(), w => w.Resource == database);
        Assert.Contains(jobs.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == database);
        Assert.Contains(jobs.Annotations.OfType<ResourceUrlsCallbackAnnotation>(), _ => true);
        Assert.True(names.Length > 0, names);
    }

    [Fact]
    public async Task Started_by_the_AppHost_the_jobs_service_runs_an_invoice_and_serves_the_dashboard()
    {
        var schema = TestServer.NewSchema();
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"--ConnectionStrings:inquirdb={TestServer.ConnectionString}"]);
        builder.CreateResourceBuilder<ProjectResource>("jobs").WithEnvironment("Inquir__Schema", schema);
        await using var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TestServer.Limit);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("jobs", timeout.Token);
        using var http = app.CreateHttpClient("jobs");

        var started = await http.PostAsJsonAsync("/invoices", new { customer = "flaky-ada", amount = 12.5m }, timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var status = started.Headers.Location!.ToString();
        string state;
        do
        {
            await Task.Delay(200, timeout.Token);
            using var body = JsonDocument.Parse(await http.GetStringAsync(status, timeout.Token));
            state = body.RootElement.GetProperty("status").GetString()!;
        }
        while (state is "pending" or "running");

        Assert.Equal("succeeded", state);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/inquir", timeout.Token)).StatusCode);
    }
}
