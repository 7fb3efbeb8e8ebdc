using System.Net;
using System.Text.RegularExpressions;
using Inquir.Typed.Dashboard.TestApp;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.Dashboard.Tests;

/// <summary>Every page and action of the dashboard through the test server, once per store.</summary>
public abstract partial class PageTests
{
    private const string Csp = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private protected abstract string Store { get; }

    [Fact]
    public async Task Every_page_answers_under_a_strict_content_security_policy()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync();
        await app.ScheduleStoredAsync();
        using var client = app.CreateClient();

        foreach (var (path, expected) in new[]
        {
            ("/inquir", "<svg class=\"chart\""),
            ("/inquir/runs", id.ToString("D")[..8]),
            ("/inquir/runs?status=failed&error=QUOTA&workflow=export&since=1h", id.ToString("D")[..8]),
            ($"/inquir/runs/{id}", "disk quota exceeded on the export volume"),
            ("/inquir/failures", "System.IO.IOException"),
            ("/inquir/schedules", "nightly-cleanup"),
        })
        {
            using var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            Assert.Equal(Csp, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }

        using var css = await client.GetAsync("/inquir/dashboard.css");
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType!.ToString());
        Assert.Contains("font:", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_page_shows_steps_attempts_checkpoints_and_the_folded_stack_trace()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync($"/inquir/runs/{id}");

        Assert.Contains("1. Prepare", html, StringComparison.Ordinal);
        Assert.Contains("2. Upload", html, StringComparison.Ordinal);
        Assert.Contains("Checkpoint from attempt 1", html, StringComparison.Ordinal);
        Assert.Contains("&quot;prepared user-1&quot;", html, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Stack trace</summary>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;UserId&quot;: &quot;user-1&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_input_holds_a_script_tag_shows_it_as_text()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync("<script>alert('owned')</script>");
        using var client = app.CreateClient();

        var run = await client.GetStringAsync($"/inquir/runs/{id}");
        var list = await client.GetStringAsync("/inquir/runs?input=" + Uri.EscapeDataString("Note=<script>alert('owned')</script>"));

        foreach (var html in new[] { run, list })
        {
            // The one script element is the dashboard's own live refresh, loaded from its path.
            Assert.Equal(["<script src=\"/inquir/dashboard.js\""], Regex.Matches(html, "<script[^>]*\"", RegexOptions.IgnoreCase).Select(m => m.Value));
        }

        Assert.Contains("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;", run, StringComparison.Ordinal);
        Assert.Contains(id.ToString("D")[..8], list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_with_a_valid_token_runs_the_failed_step_again_and_says_so()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{id}");
        app.Upload.Broken = false;

        using var response = await DashboardFactory.PostAsync(client, $"/inquir/runs/{id}/replay", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Run {id} is pending again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(id)).Status);
        var html = await client.GetStringAsync($"/inquir/runs/{id}");
        Assert.Contains("replayed 1 time(s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_a_valid_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();
        await DashboardFactory.TokenAsync(client, $"/inquir/runs/{id}");

        using var missing = await DashboardFactory.PostAsync(client, $"/inquir/runs/{id}/replay", null);
        using var forged = await DashboardFactory.PostAsync(client, $"/inquir/runs/{id}/replay", "CfDJ8forged");
        using var bulk = await DashboardFactory.PostAsync(client, "/inquir/failures/replay", null, ("workflow", "export"), ("confirmed", "yes"));

        foreach (var response in new[] { missing, forged, bulk })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("antiforgery token is missing or not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(RunStatus.Failed, (await app.Workflows.GetRunAsync(id))!.Status);
    }

    [Fact]
    public async Task Restart_asks_first_then_starts_a_new_run_from_the_input()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{id}");

        using var asked = await DashboardFactory.PostAsync(client, $"/inquir/runs/{id}/restart", token);
        Assert.Contains("Restart this run?", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await app.History.SearchAsync(new RunQuery { Workflow = "export" })).Runs);

        using var done = await DashboardFactory.PostAsync(client, $"/inquir/runs/{id}/restart", token, ("confirmed", "yes"));
        Assert.Contains($"Run {id} was restarted as a new run", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var runs = (await app.History.SearchAsync(new RunQuery { Workflow = "export" })).Runs;
        Assert.Equal(2, runs.Count);
        var restarted = (await app.History.GetAsync(runs.Single(r => r.Id != id).Id))!;
        Assert.Equal(id, restarted.RestartedFromRunId);
    }

    [Fact]
    public async Task Cancel_asks_first_then_cancels_a_pending_run()
    {
        await using var app = new DashboardFactory(Store, worker: false);
        var run = await app.Workflows.StartExportAsync(new ExportInput("user-2", "pending"));
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{run.Id}");

        using var asked = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/cancel", token);
        Assert.Contains("Cancel this run?", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Pending, await run.GetStatusAsync());

        using var done = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/cancel", token, ("confirmed", "yes"));
        Assert.Contains($"Run {run.Id} was cancelled.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Cancelled, await run.GetStatusAsync());

        using var again = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/cancel", token, ("confirmed", "yes"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_waiting_run_says_what_it_waits_for_and_takes_an_event_from_its_page_after_a_confirmation()
    {
        await using var app = new DashboardFactory(Store);
        var run = await app.Workflows.StartApprovalFlowAsync("order-7");
        await WaitingAsync(app, run.Id);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync($"/inquir/runs/{run.Id}");
        Assert.Contains("<dt>Waits for</dt><dd>event 'approval' until ", page, StringComparison.Ordinal);
        var fields = DashboardFactory.HiddenFields(page).ToList();
        Assert.Contains(new KeyValuePair<string, string>("event", "approval"), fields);
        var token = fields.First(f => f.Key == "__RequestVerificationToken").Value;
        var eventId = EventIdField().Match(page).Groups[1].Value;
        Assert.StartsWith("dashboard-", eventId, StringComparison.Ordinal);

        using var asked = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/send-event", token,
            ("event", "approval"), ("payload", """{"By":"ann","Approved":true}"""), ("eventId", eventId));
        var confirmation = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Send event &#x27;approval&#x27;?", confirmation, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Waiting, await run.GetStatusAsync());

        using var done = await client.PostAsync($"/inquir/runs/{run.Id}/send-event", new FormUrlEncodedContent(DashboardFactory.HiddenFields(confirmation)));
        Assert.Contains($"Run {run.Id} took event &#x27;approval&#x27; and is due now.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("approved by ann", await run.WaitAsync(TimeSpan.FromMinutes(1)));

        // The confirmation sent again is the same event (its id was made with the page), even now that the run ended.
        using var again = await client.PostAsync($"/inquir/runs/{run.Id}/send-event", new FormUrlEncodedContent(DashboardFactory.HiddenFields(confirmation)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"Run {run.Id} had event &#x27;approval&#x27; with id {eventId} already: nothing changed.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another event for the ended run is refused with the reason.
        var another = DashboardFactory.HiddenFields(confirmation).Select(f => f.Key == "eventId" ? new KeyValuePair<string, string>(f.Key, "dashboard-other") : f);
        using var refused = await client.PostAsync($"/inquir/runs/{run.Id}/send-event", new FormUrlEncodedContent(another));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("the run has ended", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_form_whose_payload_is_not_the_awaited_type_is_refused_and_the_run_keeps_waiting()
    {
        await using var app = new DashboardFactory(Store);
        var run = await app.Workflows.StartApprovalFlowAsync("order-8");
        await WaitingAsync(app, run.Id);
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, $"/inquir/runs/{run.Id}");

        using var notJson = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/send-event", token,
            ("event", "approval"), ("payload", "{\"By\":"), ("eventId", "e-1"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("The payload is not JSON", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongType = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/send-event", token,
            ("event", "approval"), ("payload", "[1,2]"), ("eventId", "e-2"), ("confirmed", "yes"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("the payload is not JSON of Approval", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var noSuchEvent = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/send-event", token,
            ("event", "refund"), ("payload", "{}"), ("eventId", "e-3"), ("confirmed", "yes"));
        Assert.Equal(HttpStatusCode.BadRequest, noSuchEvent.StatusCode);
        Assert.Equal(RunStatus.Waiting, await run.GetStatusAsync());
    }

    [Fact]
    public async Task A_read_only_dashboard_shows_what_a_run_waits_for_without_the_event_form()
    {
        await using var app = new DashboardFactory(Store, readOnly: true);
        var run = await app.Workflows.StartApprovalFlowAsync("order-9");
        await WaitingAsync(app, run.Id);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync($"/inquir/runs/{run.Id}");

        Assert.Contains("<dt>Waits for</dt>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("send-event", page, StringComparison.Ordinal);
        using var post = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/send-event", null, ("event", "approval"), ("payload", "{}"), ("eventId", "e-1"), ("confirmed", "yes"));
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, post.StatusCode.ToString());
        Assert.Equal(RunStatus.Waiting, await run.GetStatusAsync());
    }

    [Fact]
    public async Task Bulk_replay_counts_the_matching_failed_runs_first_then_replays_them()
    {
        await using var app = new DashboardFactory(Store);
        var first = await app.FailedRunAsync("a");
        var second = await app.FailedRunAsync("b");
        using var client = app.CreateClient();
        var failures = await client.GetStringAsync("/inquir/failures");
        Assert.Contains("/inquir/runs?since=24h&amp;workflow=export&amp;step=Upload&amp;status=failed", failures, StringComparison.Ordinal);
        var token = await DashboardFactory.TokenAsync(client, "/inquir/failures");

        using var dryRun = await DashboardFactory.PostAsync(client, "/inquir/failures/replay", token, ("since", "24h"), ("workflow", "export"), ("step", "Upload"));
        var confirm = await dryRun.Content.ReadAsStringAsync();
        Assert.Contains("Dry run: <strong>2</strong> failed run(s)", confirm, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, (await app.Workflows.GetRunAsync(first))!.Status);

        app.Upload.Broken = false;
        using var done = await client.PostAsync("/inquir/failures/replay", new FormUrlEncodedContent(DashboardFactory.HiddenFields(confirm)));
        Assert.Contains("Replayed 2 failed run(s)", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(first)).Status);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(second)).Status);
    }

    [Fact]
    public async Task Bulk_replay_replays_exactly_the_runs_it_counted_not_those_that_failed_after_the_count()
    {
        await using var app = new DashboardFactory(Store);
        var first = await app.FailedRunAsync("a");
        var second = await app.FailedRunAsync("b");
        app.Upload.Gate.Reset();
        var slow = await app.Workflows.StartExportAsync(new ExportInput("user-1", "still uploading when counted"));
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, "/inquir/failures");
        using var dryRun = await DashboardFactory.PostAsync(client, "/inquir/failures/replay", token, ("since", "1h"), ("workflow", "export"));
        var confirm = await dryRun.Content.ReadAsStringAsync();
        Assert.Contains("Dry run: <strong>2</strong> failed run(s)", confirm, StringComparison.Ordinal);

        // While the operator reads the count, a run created before it fails, and one created after it fails too:
        // "since 1h" and any bound on the creation time match them when the form is sent.
        app.Upload.Gate.Set();
        await Assert.ThrowsAsync<WorkflowFailedException>(() => slow.WaitAsync(TimeSpan.FromMinutes(1)));
        var later = await app.FailedRunAsync("c");
        app.Upload.Broken = false;
        using var done = await client.PostAsync("/inquir/failures/replay", new FormUrlEncodedContent(DashboardFactory.HiddenFields(confirm)));

        var said = System.Text.RegularExpressions.Regex.Match(await done.Content.ReadAsStringAsync(), @"Replayed \d+ failed run\(s\)").Value;
        Assert.Equal("Replayed 2 failed run(s)", said);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(first)).Status);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(second)).Status);
        foreach (var notCounted in new[] { slow.Id, later })
        {
            Assert.Equal(RunStatus.Failed, (await app.Workflows.GetRunAsync(notCounted))!.Status);
            Assert.DoesNotContain("replayed 1 time(s)", await client.GetStringAsync($"/inquir/runs/{notCounted}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bulk_replay_leaves_alone_a_counted_run_that_is_no_longer_failed_and_says_so()
    {
        await using var app = new DashboardFactory(Store);
        var first = await app.FailedRunAsync("a");
        var second = await app.FailedRunAsync("b");
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, "/inquir/failures");
        using var dryRun = await DashboardFactory.PostAsync(client, "/inquir/failures/replay", token, ("workflow", "export"));
        var confirm = await dryRun.Content.ReadAsStringAsync();

        app.Upload.Broken = false;
        await app.History.ReplayAsync(first);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(first)).Status);
        using var done = await client.PostAsync("/inquir/failures/replay", new FormUrlEncodedContent(DashboardFactory.HiddenFields(confirm)));

        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("Replayed 1 failed run(s)", html, StringComparison.Ordinal);
        Assert.Contains("1 of the 2 run(s) counted were no longer failed", html, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Succeeded, (await app.FinishedAsync(second)).Status);
        Assert.Contains("replayed 1 time(s)", await client.GetStringAsync($"/inquir/runs/{first}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulk_replay_confirmation_that_the_count_did_not_make_is_refused_and_replays_nothing()
    {
        await using var app = new DashboardFactory(Store);
        var id = await app.FailedRunAsync();
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, "/inquir/failures");

        using var bare = await DashboardFactory.PostAsync(client, "/inquir/failures/replay", token, ("workflow", "export"), ("confirmed", "yes"));
        using var forged = await DashboardFactory.PostAsync(client, "/inquir/failures/replay", token, ("runs", "all"), ("confirmed", "yes"));

        foreach (var response in new[] { bare, forged })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("count again from the failures page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(RunStatus.Failed, (await app.Workflows.GetRunAsync(id))!.Status);
    }

    [Fact]
    public async Task A_schedule_is_paused_and_resumed_from_the_schedules_page()
    {
        await using var app = new DashboardFactory(Store);
        await app.ScheduleStoredAsync();
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, "/inquir/schedules");
        var schedules = app.Services.GetService(typeof(IWorkflowSchedules)) as IWorkflowSchedules;

        using var paused = await DashboardFactory.PostAsync(client, "/inquir/schedules/nightly-cleanup/pause", token);
        Assert.Contains("Schedule nightly-cleanup is paused", await paused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await schedules!.ListAsync()).Single(s => s.Name == "nightly-cleanup").Paused);
        Assert.Contains("Resume</button>", await client.GetStringAsync("/inquir/schedules"), StringComparison.Ordinal);

        using var resumed = await DashboardFactory.PostAsync(client, "/inquir/schedules/nightly-cleanup/resume", token);
        Assert.Contains("Schedule nightly-cleanup is resumed", await resumed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await schedules.ListAsync()).Single(s => s.Name == "nightly-cleanup").Paused);

        using var unknown = await DashboardFactory.PostAsync(client, "/inquir/schedules/no-such/pause", token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_queue_is_paused_after_a_confirmation_and_resumed_from_the_queues_page()
    {
        await using var app = new DashboardFactory(Store, worker: false);
        var queues = (IWorkflowQueues)app.Services.GetService(typeof(IWorkflowQueues))!;
        await app.Workflows.StartExportAsync(new ExportInput("user-1", "daily"), new StartOptions { RunAt = DateTimeOffset.UtcNow.AddHours(1) });
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, "/inquir/queues");
        Assert.Contains("<td>default</td>", await client.GetStringAsync("/inquir/queues"), StringComparison.Ordinal);

        using var asked = await DashboardFactory.PostAsync(client, "/inquir/queues/default/pause", token);
        Assert.Contains("Yes, pause", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await queues.ListAsync()).Single(q => q.Name == "default").Paused);

        using var paused = await DashboardFactory.PostAsync(client, "/inquir/queues/default/pause", token, ("confirmed", "yes"));
        Assert.Contains("Queue default is paused", await paused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await queues.ListAsync()).Single(q => q.Name == "default").Paused);
        Assert.Contains("Resume</button>", await client.GetStringAsync("/inquir/queues"), StringComparison.Ordinal);

        using var resumed = await DashboardFactory.PostAsync(client, "/inquir/queues/default/resume", token);
        Assert.Contains("Queue default is resumed", await resumed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await queues.ListAsync()).Single(q => q.Name == "default").Paused);

        using var unknown = await DashboardFactory.PostAsync(client, "/inquir/queues/no-such/resume", token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_runs_list_pages_by_keyset_and_its_links_keep_the_filters()
    {
        await using var app = new DashboardFactory(Store, worker: false, pageSize: 2);
        for (var i = 0; i < 3; i++)
        {
            await app.Workflows.StartExportAsync(new ExportInput("user-" + i, "page"));
        }

        using var client = app.CreateClient();
        var first = await client.GetStringAsync("/inquir/runs?workflow=export&status=pending");
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\">Next page").Groups[1].Value;
        Assert.StartsWith("/inquir/runs?workflow=export&amp;status=pending&amp;cursor=", next, StringComparison.Ordinal);
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(next));

        Assert.Equal(2, CountRows(first));
        Assert.Equal(1, CountRows(second));
        Assert.DoesNotContain("Next page", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/inquir/runs/not-a-guid", HttpStatusCode.BadRequest, "is not a run id")]
    [InlineData("/inquir/runs/6f1c1c1e-8a7b-4a9e-9c2d-0e5b7a3d2f10", HttpStatusCode.NotFound, "There is no run 6f1c1c1e-8a7b-4a9e-9c2d-0e5b7a3d2f10")]
    [InlineData("/inquir/runs?status=sleeping", HttpStatusCode.BadRequest, "The filter status &quot;sleeping&quot; is not one of")]
    [InlineData("/inquir/runs?since=yesterday", HttpStatusCode.BadRequest, "The filter since &quot;yesterday&quot; is neither")]
    [InlineData("/inquir/runs?cursor=garbage", HttpStatusCode.BadRequest, "was not made by a history search")]
    [InlineData("/inquir/runs?input=no-equals-sign", HttpStatusCode.BadRequest, "The filter input:")]
    [InlineData("/inquir/runs?since=1h&until=2h", HttpStatusCode.BadRequest, "The time range is empty")]
    [InlineData("/inquir/failures?since=soon", HttpStatusCode.BadRequest, "The filter since &quot;soon&quot; is neither")]
    public async Task Bad_ids_and_filters_give_a_page_with_the_error_and_no_stack_trace(string path, HttpStatusCode status, string message)
    {
        await using var app = new DashboardFactory(Store, worker: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("<nav>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_a_run_that_succeeded_says_why_it_cannot()
    {
        await using var app = new DashboardFactory(Store);
        app.Upload.Broken = false;
        var run = await app.Workflows.StartExportAsync(new ExportInput("user-3", "fine"));
        await run.WaitAsync(TimeSpan.FromMinutes(1));
        await app.ScheduleStoredAsync();
        using var client = app.CreateClient();
        var token = await DashboardFactory.TokenAsync(client, "/inquir/schedules");

        using var response = await DashboardFactory.PostAsync(client, $"/inquir/runs/{run.Id}/replay", token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only failed or cancelled runs can be replayed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_lists_a_firing_alert_on_either_store()
    {
        await using var app = new DashboardFactory(Store);
        await app.FailedRunAsync();
        var alerts = app.Services.GetRequiredService<IWorkflowAlerts>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!(await alerts.ListAsync(limit.Token)).Any(a => a.Name == "exports-failing" && a.State == AlertState.Firing))
        {
            await Task.Delay(100, limit.Token);
        }

        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/inquir");

        Assert.Contains("<td>exports-failing</td><td>export</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("None firing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overview_lists_firing_queue_lag_and_no_live_worker_alerts_from_a_host_without_a_worker()
    {
        await using var factory = new DashboardFactory(Store, worker: false);
        await using var app = factory.WithWebHostBuilder(b => b
            .UseSetting("Inquir:Alerts:default-lag:Kind", "QueueLag")
            .UseSetting("Inquir:Alerts:default-lag:Queue", "default")
            .UseSetting("Inquir:Alerts:default-lag:Over", "00:00:00.001")
            .UseSetting("Inquir:Alerts:workers-gone:Kind", "NoLiveWorker")
            .UseSetting("Inquir:Alerts:workers-gone:Over", "00:00:00.001"));
        await app.Services.GetRequiredService<IWorkflowClient>().StartExportAsync(new ExportInput("user-1", "waits"));
        var alerts = app.Services.GetRequiredService<IWorkflowAlerts>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while ((await alerts.ListAsync(limit.Token)).Count(a => a.Kind != AlertKind.FailureRate && a.State == AlertState.Firing) < 2)
        {
            await Task.Delay(100, limit.Token);
        }

        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/inquir");

        Assert.Contains("<td>default-lag</td><td>queue default (lag)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>workers-gone</td><td>no live worker</td>", html, StringComparison.Ordinal);
        Assert.Contains("over 00:00:00.0010000", html, StringComparison.Ordinal);
    }

    private static int CountRows(string html) => System.Text.RegularExpressions.Regex.Matches(html, "<tr><td><a href=\"/inquir/runs/").Count;

    /// <summary>Waits until the worker has parked the run at its wait for the approval, for at most a minute.</summary>
    private static async Task WaitingAsync(DashboardFactory app, Guid id)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while ((await app.Workflows.GetRunAsync(id, limit.Token))!.Status != RunStatus.Waiting)
        {
            await Task.Delay(50, limit.Token);
        }
    }

    [GeneratedRegex("name=\"eventId\" value=\"([^\"]+)\"")]
    private static partial Regex EventIdField();
}

public sealed class SqlitePageTests : PageTests
{
    private protected override string Store => "sqlite";
}

public sealed class PostgresPageTests : PageTests
{
    private protected override string Store => "postgres";
}
