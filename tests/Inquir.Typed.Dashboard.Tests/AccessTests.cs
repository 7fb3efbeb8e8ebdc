using System.Net;

namespace Inquir.Typed.Dashboard.Tests;

/// <summary>Who may open the dashboard: local requests only by default, the application's policy once configured, and no action when read-only.</summary>
public sealed class AccessTests
{
    private static readonly string[] Pages = ["/inquir", "/inquir/runs", "/inquir/failures", "/inquir/schedules", "/inquir/queues", "/inquir/dashboard.css"];

    [Fact]
    public async Task Without_an_authorization_only_local_requests_are_answered_and_the_page_says_so()
    {
        await using var app = new DashboardFactory(worker: false);
        using var client = app.CreateClient();

        foreach (var page in Pages)
        {
            using var remote = new HttpRequestMessage(HttpMethod.Get, page);
            remote.Headers.Add(DashboardFactory.RemoteHeader, "203.0.113.7");
            using var refused = await client.SendAsync(remote);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{page}: {refused.StatusCode}");
        }

        using var fromAfar = new HttpRequestMessage(HttpMethod.Get, "/inquir/runs");
        fromAfar.Headers.Add(DashboardFactory.RemoteHeader, "203.0.113.7");
        Assert.Contains("answers requests from this machine only", await (await client.SendAsync(fromAfar)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var ipv6Local = new HttpRequestMessage(HttpMethod.Get, "/inquir/runs");
        ipv6Local.Headers.Add(DashboardFactory.RemoteHeader, "::1");
        using var local = await client.SendAsync(ipv6Local);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("Local requests only: no authorization is configured", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_authorization_policy_the_dashboard_answers_whoever_the_policy_admits()
    {
        await using var app = new DashboardFactory(worker: false, authorization: true);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, "/inquir/runs", role: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, "/inquir/runs", role: "viewer")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, "/inquir/runs", role: null, remote: "127.0.0.1")).StatusCode);
        using var admitted = await SendAsync(client, "/inquir/runs", role: "ops");
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.DoesNotContain("Local requests only", await admitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/inquir/schedules/nightly-cleanup/pause") { Content = new FormUrlEncodedContent([]) };
        post.Headers.Add(DashboardFactory.RemoteHeader, "203.0.113.7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(post)).StatusCode);
    }

    [Fact]
    public async Task Read_only_hides_every_action_and_maps_none()
    {
        await using var app = new DashboardFactory(readOnly: true);
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();

        foreach (var page in new[] { $"/inquir/runs/{id}", "/inquir/failures", "/inquir/schedules", "/inquir/queues" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain("<form method=\"post\"", html, StringComparison.Ordinal);
            Assert.Contains("Read-only: actions are hidden.", html, StringComparison.Ordinal);
        }

        foreach (var action in new[] { $"/inquir/runs/{id}/replay", $"/inquir/runs/{id}/restart", $"/inquir/runs/{id}/cancel", "/inquir/failures/replay", "/inquir/schedules/nightly-cleanup/pause", "/inquir/queues/default/pause", "/inquir/queues/default/resume" })
        {
            using var response = await DashboardFactory.PostAsync(client, action, null, ("confirmed", "yes"));
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{action}: {response.StatusCode}");
        }

        Assert.Equal(RunStatus.Failed, (await app.Workflows.GetRunAsync(id))!.Status);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? role, string remote = "203.0.113.7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(DashboardFactory.RemoteHeader, remote);
        if (role is not null)
        {
            request.Headers.Add("X-Test-Role", role);
        }

        return await client.SendAsync(request);
    }
}
