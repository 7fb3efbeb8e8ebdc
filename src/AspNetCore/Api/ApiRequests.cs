using System.Text.Json;

namespace Inquir.Typed.AspNetCore;

/// <summary>The body of <c>POST {prefix}/workflows/{workflow}/runs</c>.</summary>
/// <param name="Input">The workflow's input as JSON; read with the workflow's own serializer. Leave it out for a workflow without input.</param>
/// <param name="IdempotencyKey">Makes the start happen once; when left out, the input's <c>[IdempotencyKey]</c> member supplies it.</param>
/// <param name="Priority">From -100 to 100; default 0.</param>
/// <param name="DelaySeconds">Seconds before the first step may start; not together with <c>runAt</c>.</param>
/// <param name="RunAt">When the first step may start; not together with <c>delaySeconds</c>.</param>
/// <param name="DeadlineSeconds">How long the run may take, overriding the workflow's deadline.</param>
/// <param name="LimitKey">The key of the run's keyed limits (a tenant, a customer).</param>
internal sealed record StartRunRequest(
    JsonElement? Input = null,
    string? IdempotencyKey = null,
    int? Priority = null,
    double? DelaySeconds = null,
    DateTimeOffset? RunAt = null,
    double? DeadlineSeconds = null,
    string? LimitKey = null);

/// <summary>The body of <c>POST {prefix}/events</c>: the run is named by <c>runId</c>, or by <c>workflow</c> and <c>key</c>.</summary>
/// <param name="Name">The event's name, as the waiting step names it.</param>
/// <param name="EventId">The sender's id of the event: a second send with the same id is one event.</param>
/// <param name="Payload">The payload as JSON.</param>
/// <param name="RunId">The run's id.</param>
/// <param name="Workflow">The run's workflow: with <c>key</c> it names the run; with <c>runId</c> the run must be one of it.</param>
/// <param name="Key">The idempotency key the run was started with.</param>
internal sealed record SendEventRequest(
    string? Name = null,
    string? EventId = null,
    JsonElement? Payload = null,
    Guid? RunId = null,
    string? Workflow = null,
    string? Key = null);

/// <summary>The optional body of <c>POST {prefix}/runs/{id}/cancel</c>.</summary>
/// <param name="Reason">Recorded as the run's error.</param>
internal sealed record CancelRunRequest(string? Reason = null);
