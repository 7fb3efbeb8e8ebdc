using System.Text;
using Inquir.Typed.Generated;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Answers one webhook delivery that is an event for a run: limit, verify, read the payload, send. The event id is the
/// delivery's <c>webhook-id</c>, so a provider's redelivery is one event; nothing is stored for a refused request.
/// </summary>
internal sealed partial class WebhookEventReceiver(
    WorkflowDescriptor workflow, string eventName, StepEvent wait, WebhookEventTarget target, WebhookOptions options, IWebhookVerifier verifier, TimeProvider time, ILogger logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task ReceiveAsync(HttpContext context)
    {
        var body = await WebhookBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"the body is larger than {options.MaxBodyBytes} bytes").ConfigureAwait(false);
            return;
        }

        var verification = verifier.Verify(context.Request.Headers, body, time.GetUtcNow());
        if (!verification.IsValid)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, verification.Problem ?? "the signature does not verify").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrWhiteSpace(verification.EventId))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "the delivery has no event id (webhook-id header)").ConfigureAwait(false);
            return;
        }

        if (target.Find(context.Request, workflow.Name) is not { } run)
        {
            await RefuseAsync(context, StatusCodes.Status404NotFound, $"the route's {{{target.Parameter}}} names no run").ConfigureAwait(false);
            return;
        }

        string payload;
        try
        {
            payload = wait.ReadPayload(StrictUtf8.GetString(body));
        }
        catch (Exception e) when (e is DecoderFallbackException or CheckpointDecodeException)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"the body is not a {wait.PayloadType.Name} as JSON: {e.InnerException?.Message ?? e.Message}").ConfigureAwait(false);
            return;
        }

        SentEvent sent;
        try
        {
            var client = context.RequestServices.GetRequiredService<IWorkflowClient>();
            sent = await client.SendEventJsonAsync(run, eventName, payload, verification.EventId, context.RequestAborted).ConfigureAwait(false);
        }
        catch (EventRefusedException e)
        {
            var status = e.Reason switch
            {
                EventRefusal.RunNotFound => StatusCodes.Status404NotFound,
                EventRefusal.RunEnded => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            await RefuseAsync(context, status, e.Message.TrimEnd('.')).ConfigureAwait(false);
            return;
        }
        catch (ArgumentException e)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, e.Message.Split(" (Parameter", 2)[0]).ConfigureAwait(false);
            return;
        }

        LogAccepted(workflow.Name, eventName, verification.EventId, sent.RunId, sent.Delivery);
        await Results.Json(new { runId = sent.RunId, delivery = sent.Delivery.ToString() }, statusCode: StatusCodes.Status202Accepted).ExecuteAsync(context).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context, int status, string problem)
    {
        LogRefused(workflow.Name, eventName, status, problem);
        return Problems.WriteAsync(context, status, "The webhook event was refused: " + problem + ".");
    }

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Webhook event {Event} of {Workflow}: {EventId} for run {RunId} ({Delivery})")]
    private partial void LogAccepted(string workflow, string @event, string eventId, Guid runId, EventDelivery delivery);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "Webhook event {Event} of {Workflow} refused with {Status}: {Problem}")]
    private partial void LogRefused(string workflow, string @event, int status, string problem);
}
