using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>
/// <c>MapInquirApi</c> over HTTP, on each store: start by name → status → history, search, replay, restart, cancel,
/// events, schedules and queues; bad input is a 400 naming the field, unknown ids 404, a forbidden state 409, a large
/// body 413; nothing is served until the app decides on authorization; the OpenAPI document lists the operations.
/// </summary>
public abstract class ManagementApiTests(AppStore store)
{
    private Task<TestApp> AppAsync(bool worker = false, int? maxBodyBytes = null, Action<IEndpointConventionBuilder>? protect = null, bool authentication = false) =>
        TestApp.StartAsync(
            app =>
            {
                if (authentication)
                {
                    app.UseAuthentication();
                    app.UseAuthorization();
                }

                var api = app.MapInquirApi(ApiCalls.Prefix);
                (protect ?? (b => b.AllowAnonymous()))(api);
            },
            worker,
            services: s =>
            {
                s.AddInquirApi(o => o.MaxBodyBytes = maxBodyBytes ?? o.MaxBodyBytes);
                s.AddWorkflow<ApproveOrder>().AddWorkflow<Refusing>().AddWorkflow<NightlyReport>();
                if (authentication)
                {
                    s.AddAuthentication(OperatorHeaderAuthentication.SchemeName)
                        .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, OperatorHeaderAuthentication>(OperatorHeaderAuthentication.SchemeName, null);
                    s.AddAuthorization();
                }
            },
            store: store);

    [Fact]
    public async Task A_run_started_by_name_is_read_back_by_status_and_history_and_its_key_starts_it_once()
    {
        await using var app = await AppAsync(worker: true);

        var (status, started, response) = await app.PostAsync("/workflows/doubling/runs", """{"input": 21, "idempotencyKey": "order-21"}""");
        var (again, second, _) = await app.PostAsync("/workflows/doubling/runs", """{"input": 21, "idempotencyKey": "order-21"}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = started.GetProperty("id").GetGuid();
        Assert.True(started.GetProperty("created").GetBoolean());
        Assert.Equal($"{ApiCalls.Prefix}/runs/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.Equal(id, second.GetProperty("id").GetGuid());
        Assert.False(second.GetProperty("created").GetBoolean());

        var run = await app.RunInStatusAsync(id, "succeeded");
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("doubling", run.GetProperty("workflow").GetString());
        Assert.Equal("order-21", run.GetProperty("idempotencyKey").GetString());
        Assert.Equal(21, run.GetProperty("input").GetInt32());
        Assert.Equal(42, run.GetProperty("result").GetProperty("Value").GetInt32());

        var (historyStatus, history, _) = await app.GetAsync($"/runs/{id}/history");
        Assert.Equal(HttpStatusCode.OK, historyStatus);
        Assert.Equal(id, history.GetProperty("run").GetProperty("id").GetGuid());
        Assert.Equal(1, history.GetProperty("execution").GetInt32());
        var step = Assert.Single(history.GetProperty("steps").EnumerateArray());
        Assert.Equal("Double", step.GetProperty("name").GetString());
        Assert.Equal(42, step.GetProperty("checkpoint").GetProperty("output").GetProperty("Value").GetInt32());
        var attempt = Assert.Single(step.GetProperty("attempts").EnumerateArray());
        Assert.Equal("succeeded", attempt.GetProperty("outcome").GetString());
        Assert.Equal(1, attempt.GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task A_start_takes_priority_delay_and_deadline()
    {
        await using var app = await AppAsync();

        var (status, started, _) = await app.PostAsync("/workflows/doubling/runs", """{"input": 1, "priority": 10, "delaySeconds": 3600, "deadlineSeconds": 86400}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        var run = await app.Client.GetRunAsync(started.GetProperty("id").GetGuid());
        Assert.NotNull(run);
        Assert.Equal(RunStatus.Pending, run.Status);
        Assert.True(run.NextAttemptAt >= run.CreatedAt.AddMinutes(59), $"next attempt {run.NextAttemptAt:O}, created {run.CreatedAt:O}");
        Assert.True(run.DeadlineAt >= run.CreatedAt.AddHours(23), $"deadline {run.DeadlineAt:O}, created {run.CreatedAt:O}");
        var (_, page, _) = await app.GetAsync("/runs?workflow=doubling");
        Assert.Equal(started.GetProperty("id").GetGuid(), Assert.Single(page.GetProperty("runs").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Search_filters_and_pages_with_a_cursor()
    {
        await using var app = await AppAsync();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await app.PostAsync("/workflows/doubling/runs", $$"""{"input": {{n}}, "idempotencyKey": "k{{n}}"}""");
        }

        await app.PostAsync("/workflows/approve-order/runs", """{"input": "order-9"}""");

        var (status, first, _) = await app.GetAsync("/runs?workflow=doubling&status=pending&limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var (_, second, _) = await app.GetAsync($"/runs?workflow=doubling&status=pending&limit=2&cursor={Uri.EscapeDataString(cursor!)}");
        var (_, byKey, _) = await app.GetAsync("/runs?key=k2");
        var (_, byInput, _) = await app.GetAsync("/runs?workflow=approve-order&status=succeeded");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, first.GetProperty("runs").GetArrayLength());
        Assert.Single(second.GetProperty("runs").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(2, Assert.Single(byKey.GetProperty("runs").EnumerateArray()).GetProperty("input").GetInt32());
        Assert.Empty(byInput.GetProperty("runs").EnumerateArray());
    }

    [Theory]
    [InlineData("/runs?status=sleeping", "status")]
    [InlineData("/runs?status=3", "status")]
    [InlineData("/runs?limit=0", "limit")]
    [InlineData("/runs?limit=ten", "limit")]
    [InlineData("/runs?since=yesterday", "since")]
    [InlineData("/runs?since=2026-05-04T12:00:00Z&until=2026-05-04T11:00:00Z", "until")]
    [InlineData("/runs?cursor=not-a-cursor", "cursor")]
    [InlineData("/runs?input=novalue", "input")]
    [InlineData("/runs/not-a-uuid", "id")]
    [InlineData("/runs/not-a-uuid/history", "id")]
    public async Task A_bad_query_or_id_is_400_naming_the_field(string path, string field)
    {
        await using var app = await AppAsync();

        var (status, problem, response) = await app.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.BadField());
        Assert.StartsWith(field + ":", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"input": "twenty-one"}""", "input")]
    [InlineData("""{"priority": 500, "input": 1}""", "priority")]
    [InlineData("""{"input": 1, "priority": "high"}""", "priority")]
    [InlineData("""{"input": 1, "delaySeconds": -5}""", "delaySeconds")]
    [InlineData("""{"input": 1, "delaySeconds": 5, "runAt": "2026-05-05T00:00:00Z"}""", "delaySeconds")]
    [InlineData("""{"input": 1, "idempotencyKey": ""}""", "idempotencyKey")]
    [InlineData("""{"input": 1, "deadlineSeconds": 0}""", "deadlineSeconds")]
    [InlineData("""[1, 2]""", "body")]
    [InlineData("""not json""", "body")]
    public async Task A_bad_start_is_400_naming_the_field_and_starts_nothing(string body, string field)
    {
        await using var app = await AppAsync();

        var (status, problem, _) = await app.PostAsync("/workflows/doubling/runs", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(field, problem.BadField());
        var (_, page, _) = await app.GetAsync("/runs");
        Assert.Empty(page.GetProperty("runs").EnumerateArray());
    }

    [Fact]
    public async Task A_misspelt_option_is_400_not_dropped()
    {
        await using var app = await AppAsync();

        var (status, problem, _) = await app.PostAsync("/workflows/doubling/runs", """{"input": 1, "priorty": 5}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("priorty", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET", "/runs/{0}")]
    [InlineData("GET", "/runs/{0}/history")]
    [InlineData("POST", "/runs/{0}/replay")]
    [InlineData("POST", "/runs/{0}/restart")]
    [InlineData("POST", "/runs/{0}/cancel")]
    [InlineData("POST", "/workflows/no-such-workflow/runs")]
    [InlineData("POST", "/schedules/no-such-schedule/pause")]
    [InlineData("POST", "/schedules/no-such-schedule/resume")]
    [InlineData("POST", "/queues/no-such-queue/pause")]
    [InlineData("POST", "/queues/no-such-queue/resume")]
    public async Task An_unknown_run_workflow_schedule_or_queue_is_404(string method, string path)
    {
        await using var app = await AppAsync();
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid());

        var (status, problem, response) = method == "GET" ? await app.GetAsync(url) : await app.PostAsync(url, url.StartsWith("/workflows/", StringComparison.Ordinal) ? """{"input": 1}""" : null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task A_failed_run_is_replayed_and_restarted_and_a_state_that_forbids_it_is_409()
    {
        await using var app = await AppAsync(worker: true);
        var (_, started, _) = await app.PostAsync("/workflows/refusing/runs", """{"input": "out of stock"}""");
        var id = started.GetProperty("id").GetGuid();
        var failed = await app.RunInStatusAsync(id, "failed");
        Assert.Contains("out of stock", failed.GetProperty("lastError").GetString());
        var (_, delayed, _) = await app.PostAsync("/workflows/doubling/runs", """{"input": 1, "delaySeconds": 3600}""");
        var pendingId = delayed.GetProperty("id").GetGuid();

        var (restartStatus, restarted, restartResponse) = await app.PostAsync($"/runs/{id}/restart");
        var (replayStatus, replayed, _) = await app.PostAsync($"/runs/{id}/replay");
        var (pendingReplay, conflict, _) = await app.PostAsync($"/runs/{pendingId}/replay");
        var (pendingRestart, _, _) = await app.PostAsync($"/runs/{pendingId}/restart");

        Assert.Equal(HttpStatusCode.Accepted, restartStatus);
        var newId = restarted.GetProperty("id").GetGuid();
        Assert.NotEqual(id, newId);
        Assert.Equal($"{ApiCalls.Prefix}/runs/{newId}", restartResponse.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, replayStatus);
        Assert.Equal(id, replayed.GetProperty("id").GetGuid());
        Assert.NotEqual("failed", replayed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, pendingReplay);
        Assert.Equal(409, conflict.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, pendingRestart);
        var (_, history, _) = await app.GetAsync($"/runs/{newId}/history");
        Assert.Equal(id, history.GetProperty("restartedFromRunId").GetGuid());
    }

    [Fact]
    public async Task A_cancelled_run_records_the_reason_and_a_second_cancel_is_409()
    {
        await using var app = await AppAsync();
        var (_, started, _) = await app.PostAsync("/workflows/doubling/runs", """{"input": 4}""");
        var id = started.GetProperty("id").GetGuid();

        var (status, cancelled, _) = await app.PostAsync($"/runs/{id}/cancel", """{"reason": "ordered twice"}""");
        var (again, _, _) = await app.PostAsync($"/runs/{id}/cancel");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Contains("ordered twice", cancelled.GetProperty("lastError").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task An_event_reaches_a_run_by_key_or_by_id_once_per_event_id()
    {
        await using var app = await AppAsync();
        var (_, started, _) = await app.PostAsync("/workflows/approve-order/runs", """{"input": "order-1", "idempotencyKey": "order-1"}""");
        var id = started.GetProperty("id").GetGuid();

        var (status, sent, _) = await app.PostAsync("/events", """{"workflow": "approve-order", "key": "order-1", "name": "approval", "eventId": "e-1", "payload": {"by": "ann", "approved": true}}""");
        var (again, duplicate, _) = await app.PostAsync("/events", $$"""{"runId": "{{id}}", "name": "approval", "eventId": "e-1", "payload": {"by": "ann", "approved": true} }""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(id, sent.GetProperty("runId").GetGuid());
        Assert.Equal("kept", sent.GetProperty("delivery").GetString());
        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.Equal("duplicate", duplicate.GetProperty("delivery").GetString());
    }

    [Theory]
    [InlineData("""{"runId": "{0}", "eventId": "e", "payload": {}}""", HttpStatusCode.BadRequest, "name")]
    [InlineData("""{"runId": "{0}", "name": "approval", "payload": {}}""", HttpStatusCode.BadRequest, "eventId")]
    [InlineData("""{"name": "approval", "eventId": "e", "payload": {}}""", HttpStatusCode.BadRequest, "runId")]
    [InlineData("""{"runId": "{0}", "name": "approval", "eventId": "e", "payload": {"by": 5}}""", HttpStatusCode.BadRequest, "payload")]
    [InlineData("""{"runId": "{0}", "name": "shipment", "eventId": "e", "payload": {}}""", HttpStatusCode.BadRequest, "name")]
    [InlineData("""{"runId": "{1}", "name": "approval", "eventId": "e", "payload": {}}""", HttpStatusCode.NotFound, null)]
    [InlineData("""{"workflow": "approve-order", "key": "nobody", "name": "approval", "eventId": "e", "payload": {}}""", HttpStatusCode.NotFound, null)]
    public async Task A_refused_event_names_the_field_or_the_missing_run(string body, HttpStatusCode expected, string? field)
    {
        await using var app = await AppAsync();
        var (_, started, _) = await app.PostAsync("/workflows/approve-order/runs", """{"input": "order-2"}""");
        var json = body.Replace("{0}", started.GetProperty("id").GetString(), StringComparison.Ordinal).Replace("{1}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var (status, problem, _) = await app.PostAsync("/events", json);

        Assert.Equal(expected, status);
        if (field is not null)
        {
            Assert.Equal(field, problem.BadField());
        }
    }

    [Fact]
    public async Task An_event_for_an_ended_run_is_409()
    {
        await using var app = await AppAsync();
        var (_, started, _) = await app.PostAsync("/workflows/approve-order/runs", """{"input": "order-3"}""");
        var id = started.GetProperty("id").GetGuid();
        await app.PostAsync($"/runs/{id}/cancel");

        var (status, _, _) = await app.PostAsync("/events", $$"""{"runId": "{{id}}", "name": "approval", "eventId": "e", "payload": {"by": "ann", "approved": true} }""");

        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task Schedules_are_listed_paused_and_resumed()
    {
        await using var app = await AppAsync(worker: true);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement schedules;
        do
        {
            (_, schedules, _) = await app.GetAsync("/schedules");
            await Task.Delay(50);
        }
        while (schedules.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        var schedule = Assert.Single(schedules.EnumerateArray());
        var name = schedule.GetProperty("name").GetString();
        Assert.Equal("nightly-report", schedule.GetProperty("workflow").GetString());
        Assert.Equal("0 3 * * *", schedule.GetProperty("cron").GetString());
        Assert.False(schedule.GetProperty("paused").GetBoolean());

        var (paused, _, _) = await app.PostAsync($"/schedules/{name}/pause");
        var (_, whilePaused, _) = await app.GetAsync("/schedules");
        var (resumed, _, _) = await app.PostAsync($"/schedules/{name}/resume");
        var (_, afterResume, _) = await app.GetAsync("/schedules");

        Assert.Equal(HttpStatusCode.NoContent, paused);
        Assert.True(whilePaused[0].GetProperty("paused").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, resumed);
        Assert.False(afterResume[0].GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task Queues_are_listed_paused_and_resumed_and_a_bad_name_is_400()
    {
        await using var app = await AppAsync();
        await app.PostAsync("/workflows/doubling/runs", """{"input": 1}""");

        var (paused, _, _) = await app.PostAsync("/queues/default/pause");
        var (_, queues, _) = await app.GetAsync("/queues");
        var (resumed, _, _) = await app.PostAsync("/queues/default/resume");
        var (_, afterResume, _) = await app.GetAsync("/queues");
        var (bad, problem, _) = await app.PostAsync("/queues/-not-a-queue-/pause");

        Assert.Equal(HttpStatusCode.NoContent, paused);
        var queue = Assert.Single(queues.EnumerateArray(), q => q.GetProperty("name").GetString() == "default");
        Assert.True(queue.GetProperty("paused").GetBoolean());
        Assert.Equal(1, queue.GetProperty("due").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, resumed);
        Assert.False(Assert.Single(afterResume.EnumerateArray(), q => q.GetProperty("name").GetString() == "default").GetProperty("paused").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal("name", problem.BadField());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_starts_or_sends_nothing()
    {
        await using var app = await AppAsync(maxBodyBytes: 1024);
        var (_, started, _) = await app.PostAsync("/workflows/approve-order/runs", """{"input": "order-4"}""");
        var large = new string('x', 2048);

        var (startStatus, problem, response) = await app.PostAsync("/workflows/approve-order/runs", $$"""{"input": "{{large}}"}""");
        var (eventStatus, _, _) = await app.PostAsync("/events", $$"""{"runId": "{{started.GetProperty("id").GetString()}}", "name": "approval", "eventId": "e", "payload": {"by": "{{large}}", "approved": true} }""");
        var (cancelStatus, _, _) = await app.PostAsync($"/runs/{started.GetProperty("id").GetString()}/cancel", $$"""{"reason": "{{large}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, startStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1024", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, eventStatus);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, cancelStatus);
        var (_, page, _) = await app.GetAsync("/runs");
        Assert.Equal("pending", Assert.Single(page.GetProperty("runs").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Nothing_is_served_until_the_app_decides_on_authorization()
    {
        await using var app = await AppAsync(protect: _ => { });

        var (status, problem, _) = await app.GetAsync("/runs");
        var (startStatus, _, _) = await app.PostAsync("/workflows/doubling/runs", """{"input": 1}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("RequireAuthorization", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, startStatus);
        Assert.Null(await app.Client.GetRunAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task With_authorization_required_an_anonymous_caller_is_refused_and_an_operator_served()
    {
        await using var app = await AppAsync(protect: b => b.RequireAuthorization(), authentication: true);

        var (anonymous, _, _) = await app.GetAsync("/runs");
        var (operatorStatus, page, _) = await app.GetAsync("/runs", operatorName: "ann");
        var (document, _, _) = await app.GetAsync("/openapi/inquir.json");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.OK, operatorStatus);
        Assert.Empty(page.GetProperty("runs").EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, document);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_operation_with_typed_responses()
    {
        await using var app = await AppAsync();

        var (status, document, _) = await app.GetAsync("/openapi/inquir.json");
        var (other, _, _) = await app.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.NotFound, other);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.GetProperty("operationId").GetString()!))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            ["CancelRun", "GetRun", "GetRunHistory", "ListQueues", "ListSchedules", "PauseQueue", "PauseSchedule", "ReplayRun", "RestartRun", "ResumeQueue", "ResumeSchedule", "SearchRuns", "SendEvent", "StartRun"],
            operations);
        var start = document.GetProperty("paths").GetProperty($"{ApiCalls.Prefix}/workflows/{{workflow}}/runs").GetProperty("post");
        Assert.True(start.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(start.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(start.GetProperty("responses").TryGetProperty("413", out _));
        Assert.True(start.TryGetProperty("requestBody", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("RunResponse", out _));
    }
}

public sealed class PostgresManagementApiTests() : ManagementApiTests(AppStore.Postgres);

public sealed class SqliteManagementApiTests() : ManagementApiTests(AppStore.Sqlite);
