using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>
/// <c>MapWebhookEvent</c>: a signed delivery becomes an event for the run its route names (by key or id), the
/// <c>webhook-id</c> its event id; a bad signature, an unknown run, an ended run and a body that is not the payload are
/// refused with their status and store nothing.
/// </summary>
public sealed class WebhookEventTests
{
    private const string Approval = """{"by": "ann", "approved": true}""";

    private static readonly Dictionary<string, string?> Configuration = new() { ["Inquir:WebhookEvents:approve-order:approval:Secret"] = StandardSignature.Secret };

    private static Task<TestApp> AppAsync() =>
        TestApp.StartAsync(
            app =>
            {
                app.MapWebhookEvent<ApproveOrder>("/approvals/{key}", "approval");
                app.MapWebhookEvent("/runs/{runId}/approval", ApproveOrder.InquirDescriptor, "approval", configure: null);
            },
            configuration: Configuration,
            services: s => s.AddWorkflow<ApproveOrder>());

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(TestApp app, HttpRequestMessage request)
    {
        var response = await app.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_delivery_is_an_event_for_the_run_its_key_names_and_a_redelivery_is_one_event()
    {
        await using var app = await AppAsync();
        var run = await app.Client.StartApproveOrderAsync("order-1", idempotencyKey: "order-1");

        var (status, body) = await SendAsync(app, StandardSignature.Request("/approvals/order-1", Approval));
        var (again, second) = await SendAsync(app, StandardSignature.Request("/approvals/order-1", Approval, at: TestApp.Now.AddMinutes(1)));

        Assert.Equal(HttpStatusCode.Accepted, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(run.Id, json.RootElement.GetProperty("runId").GetGuid());
        Assert.Equal("Kept", json.RootElement.GetProperty("delivery").GetString());
        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.Equal("Duplicate", JsonDocument.Parse(second).RootElement.GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task A_run_named_by_its_id_takes_the_event()
    {
        await using var app = await AppAsync();
        var run = await app.Client.StartApproveOrderAsync("order-2");

        var (status, body) = await SendAsync(app, StandardSignature.Request($"/runs/{run.Id}/approval", Approval));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(run.Id, JsonDocument.Parse(body).RootElement.GetProperty("runId").GetGuid());
    }

    [Fact]
    public async Task A_bad_signature_is_401_and_stores_no_event()
    {
        await using var app = await AppAsync();
        await app.Client.StartApproveOrderAsync("order-3", idempotencyKey: "order-3");

        var (status, body) = await SendAsync(app, StandardSignature.Request("/approvals/order-3", Approval, secrets: StandardSignature.OtherSecret));
        var (after, kept) = await SendAsync(app, StandardSignature.Request("/approvals/order-3", Approval));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("The webhook event was refused", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, after);
        Assert.Equal("Kept", JsonDocument.Parse(kept).RootElement.GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task An_unknown_key_is_404_an_ended_run_409_and_a_body_that_is_not_the_payload_400()
    {
        await using var app = await AppAsync();
        var run = await app.Client.StartApproveOrderAsync("order-4", idempotencyKey: "order-4");
        await app.Client.StartApproveOrderAsync("order-5", idempotencyKey: "order-5");
        await app.Services.GetRequiredService<IWorkflowHistory>().CancelAsync(run.Id, "withdrawn");

        var (unknown, problem) = await SendAsync(app, StandardSignature.Request("/approvals/no-such-order", Approval));
        var (ended, _) = await SendAsync(app, StandardSignature.Request("/approvals/order-4", Approval));
        var (malformed, _) = await SendAsync(app, StandardSignature.Request("/approvals/order-5", """{"by": 7}"""));
        var (notAnId, _) = await SendAsync(app, StandardSignature.Request("/runs/not-a-guid/approval", Approval));

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("there is no such run", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, ended);
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Equal(HttpStatusCode.NotFound, notAnId);
    }

    [Fact]
    public void A_route_that_names_no_run_or_an_event_the_workflow_never_waits_for_cannot_be_mapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Inquir:WebhookEvents:approve-order:approval:Secret"] = StandardSignature.Secret;
        using var app = builder.Build();

        var noRun = Assert.Throws<InvalidOperationException>(() => app.MapWebhookEvent<ApproveOrder>("/approvals", "approval"));
        var noEvent = Assert.Throws<InvalidOperationException>(() => app.MapWebhookEvent<ApproveOrder>("/approvals/{key}", "refund"));

        Assert.Contains("{runId}", noRun.Message, StringComparison.Ordinal);
        Assert.Contains("no step that waits for an event named 'refund'", noEvent.Message, StringComparison.Ordinal);
    }
}
