using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Dashboard.Tests;

/// <summary>
/// How the pages load the live refresh, through the test server: the script is the dashboard's own, served from its
/// path under the same CSP and the same local-only rule as the pages; pages that show state load it, a page
/// answering a form does not; <c>LiveRefresh = TimeSpan.Zero</c> loads it nowhere; an interval under a second is refused.
/// </summary>
public sealed class LiveRefreshTests
{
    [Fact]
    public async Task Pages_that_show_state_load_the_dashboard_s_own_script_with_their_interval_and_a_form_s_answer_does_not()
    {
        await using var app = new DashboardFactory();
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();

        foreach (var path in new[] { "/inquir", "/inquir/runs", $"/inquir/runs/{id}", "/inquir/failures", "/inquir/schedules", "/inquir/queues" })
        {
            var html = await client.GetStringAsync(path);
            Assert.Contains("<script src=\"/inquir/dashboard.js\" defer></script>", html, StringComparison.Ordinal);
            Assert.Contains("<main data-live=\"5000\">", html, StringComparison.Ordinal);
        }

        using var script = await client.GetAsync("/inquir/dashboard.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType!.ToString());
        Assert.Equal("nosniff", script.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("main[data-live]", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{id}");
        using var restart = await DashboardFactory.PostAsync(client, $"/inquir/runs/{id}/restart", token);
        var answer = await restart.Content.ReadAsStringAsync();
        Assert.DoesNotContain("dashboard.js", answer, StringComparison.Ordinal);
        Assert.Contains("<main>", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_is_refused_to_a_remote_request_as_the_pages_are()
    {
        await using var app = new DashboardFactory(worker: false);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inquir/dashboard.js");
        request.Headers.Add(DashboardFactory.RemoteHeader, "203.0.113.9");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_zero_interval_turns_the_live_refresh_off_and_one_under_a_second_is_refused()
    {
        await using var app = new DashboardFactory(worker: false);
        await using var off = app.WithWebHostBuilder(b => b.UseSetting("LiveRefresh", "00:00:00"));
        var html = await off.CreateClient().GetStringAsync("/inquir/runs");
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<main>", html, StringComparison.Ordinal);

        await using var tooFast = app.WithWebHostBuilder(b => b.UseSetting("LiveRefresh", "00:00:00.200"));
        var refused = Assert.ThrowsAny<OptionsValidationException>(() => tooFast.CreateClient());
        Assert.Contains("LiveRefresh must be at least one second", refused.Message, StringComparison.Ordinal);
    }
}
