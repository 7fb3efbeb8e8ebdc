using System.Net;
using Inquir.Typed.Dashboard.TestApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Dashboard.Tests;

/// <summary>
/// Without an authorization the dashboard answers only requests that really come from this machine: a loopback
/// peer, a loopback <c>Host</c>, an <c>Origin</c> (when sent) that is the dashboard's own, and no forwarding header
/// the app did not consume. Every other way in (a proxy on the same machine, a DNS-rebinding page, a page of
/// another origin) gets 403 on every page and every action.
/// </summary>
public sealed class LocalOnlyTests
{
    private const string Refusal = "answers requests from this machine only";

    private static readonly string[] Pages = ["/inquir", "/inquir/runs", "/inquir/failures", "/inquir/schedules", "/inquir/queues", "/inquir/dashboard.css"];

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "dashboard.example.com")]
    public async Task A_request_passed_on_by_a_proxy_on_this_machine_is_refused(string header, string value)
    {
        await AssertRefusedEverywhereAsync(request => request.Headers.TryAddWithoutValidation(header, value), "the header " + header);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5000")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.attacker.example")]
    [InlineData("10.0.0.5")]
    public async Task A_DNS_rebinding_page_whose_Host_is_not_a_loopback_name_is_refused(string host)
    {
        await AssertRefusedEverywhereAsync(request => request.Headers.Host = host, "Host");
    }

    [Theory]
    [InlineData("http://attacker.example")]
    [InlineData("http://localhost:3000")]
    [InlineData("https://localhost")]
    [InlineData("null")]
    public async Task A_request_whose_Origin_is_not_the_dashboards_own_is_refused(string origin)
    {
        await AssertRefusedEverywhereAsync(request => request.Headers.TryAddWithoutValidation("Origin", origin), "Origin");
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("localhost:5000", "::1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.0.0.1:8080", "::ffff:127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("[::1]:8080", "::1")]
    [InlineData("dashboard.localhost", "127.0.0.1")]
    [InlineData("LOCALHOST.", "127.0.0.1")]
    public async Task A_plain_loopback_request_is_answered_and_may_act(string host, string peer)
    {
        await using var app = new DashboardFactory(worker: false);
        using var client = app.CreateClient();

        foreach (var page in Pages)
        {
            using var response = await SendAsync(client, HttpMethod.Get, page, Shape);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} with Host {host} from {peer}: {response.StatusCode}");
        }

        var run = await app.Workflows.StartExportAsync(new ExportInput("user-1", "local"));
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{run.Id}");
        using var cancel = await SendAsync(client, HttpMethod.Post, $"/inquir/runs/{run.Id}/cancel", request =>
        {
            Shape(request);
            request.Headers.TryAddWithoutValidation("Origin", "http://" + host);
            request.Content = Form(token, ("confirmed", "yes"));
        });
        Assert.Contains($"Run {run.Id} was cancelled.", await cancel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Cancelled, await run.GetStatusAsync());

        void Shape(HttpRequestMessage request)
        {
            request.Headers.Host = host;
            request.Headers.Add(DashboardFactory.RemoteHeader, peer);
        }
    }

    [Fact]
    public async Task Behind_UseForwardedHeaders_a_request_counts_by_the_address_the_trusted_proxy_forwarded()
    {
        await using var app = new DashboardFactory(worker: false, forwardedHeaders: true);
        using var client = app.CreateClient();
        var run = await app.Workflows.StartExportAsync(new ExportInput("user-1", "proxied"));
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{run.Id}");

        using var fromAfar = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r => r.Headers.Add("X-Forwarded-For", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, fromAfar.StatusCode);
        using var rebound = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r =>
        {
            r.Headers.Add("X-Forwarded-For", "127.0.0.1");
            r.Headers.Add("X-Forwarded-Host", "attacker.example");
        });
        Assert.Equal(HttpStatusCode.Forbidden, rebound.StatusCode);
        using var throughTwo = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r => r.Headers.Add("X-Forwarded-For", "203.0.113.7, 127.0.0.1"));
        Assert.Equal(HttpStatusCode.Forbidden, throughTwo.StatusCode);

        using var local = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r => r.Headers.Add("X-Forwarded-For", "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        using var cancel = await SendAsync(client, HttpMethod.Post, $"/inquir/runs/{run.Id}/cancel", r =>
        {
            r.Headers.Add("X-Forwarded-For", "::1");
            r.Headers.TryAddWithoutValidation("Origin", "http://localhost");
            r.Content = Form(token, ("confirmed", "yes"));
        });
        Assert.Contains($"Run {run.Id} was cancelled.", await cancel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_a_real_loopback_socket_the_Host_and_the_forwarding_headers_decide()
    {
        var database = Path.Combine(Path.GetTempPath(), "inquir-local-" + Guid.NewGuid().ToString("N") + ".db");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Store"] = "sqlite", ["Sqlite"] = database, ["Worker"] = "false" });
        await using var app = DashboardApp.Build(builder);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
            using var client = new HttpClient { BaseAddress = address };

            using var plain = await client.GetAsync("/inquir/runs");
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            using var rebound = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r => r.Headers.Host = "attacker.example:" + address.Port);
            Assert.Equal(HttpStatusCode.Forbidden, rebound.StatusCode);
            using var proxied = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r => r.Headers.Add("X-Forwarded-For", "203.0.113.7"));
            Assert.Equal(HttpStatusCode.Forbidden, proxied.StatusCode);
            using var named = await SendAsync(client, HttpMethod.Get, "/inquir/runs", r => r.Headers.Host = "localhost:" + address.Port);
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>
    /// Every page and every action of a pending run, sent from a loopback peer with <paramref name="shape"/>
    /// applied, gets 403 with the advice and a reason naming <paramref name="reason"/>; the run is left as it was.
    /// The forms carry a valid antiforgery token, so nothing but the local-only check refuses them.
    /// </summary>
    private static async Task AssertRefusedEverywhereAsync(Action<HttpRequestMessage> shape, string reason)
    {
        await using var app = new DashboardFactory(worker: false);
        using var client = app.CreateClient();
        var run = await app.Workflows.StartExportAsync(new ExportInput("user-1", "target"));
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{run.Id}");

        foreach (var page in Pages.Append($"/inquir/runs/{run.Id}"))
        {
            using var response = await SendAsync(client, HttpMethod.Get, page, shape);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {page}: {response.StatusCode}");
        }

        foreach (var action in new[] { "replay", "restart", "cancel" })
        {
            using var response = await SendAsync(client, HttpMethod.Post, $"/inquir/runs/{run.Id}/{action}", request =>
            {
                shape(request);
                request.Content = Form(token, ("confirmed", "yes"));
            });
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action}: {response.StatusCode}");
            Assert.Contains(Refusal, html, StringComparison.Ordinal);
            Assert.Contains("RequireAuthorization", html, StringComparison.Ordinal);
            Assert.Contains(reason, html, StringComparison.Ordinal);
        }

        using var bulk = await SendAsync(client, HttpMethod.Post, "/inquir/failures/replay", request =>
        {
            shape(request);
            request.Content = Form(token, ("workflow", "export"), ("confirmed", "yes"));
        });
        Assert.Equal(HttpStatusCode.Forbidden, bulk.StatusCode);

        Assert.Equal(RunStatus.Pending, await run.GetStatusAsync());
        Assert.Single((await app.History.SearchAsync(new RunQuery { Workflow = "export" })).Runs);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Action<HttpRequestMessage> shape)
    {
        using var request = new HttpRequestMessage(method, path);
        shape(request);
        return await client.SendAsync(request);
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
}
