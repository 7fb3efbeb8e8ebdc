using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Answers one webhook request: limit, verify, parse, start. The run is started with the event id as its idempotency
/// key, so a provider's redelivery of the same event gets the same run back; nothing is started for a request that
/// is refused. The answer comes as soon as the run is stored: the workflow's steps run on the workers.
/// </summary>
internal sealed partial class WebhookReceiver(WorkflowDescriptor workflow, WebhookOptions options, IWebhookVerifier verifier, TimeProvider time, ILogger logger)
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

        DecodedInput input;
        try
        {
            input = workflow.DecodeInput(StrictUtf8.GetString(body));
        }
        catch (DecoderFallbackException e)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"the body is not UTF-8 text: {e.Message}").ConfigureAwait(false);
            return;
        }
        catch (CheckpointDecodeException e)
        {
            // The decoder's own text speaks of stored JSON; the sender needs what was wrong with its request.
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"the body is not a {workflow.InputType.Name} as JSON: {e.InnerException?.Message ?? e.Message}").ConfigureAwait(false);
            return;
        }

        var eventId = input.IdempotencyKey ?? verification.EventId;
        if (string.IsNullOrWhiteSpace(eventId))
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"the event has no id: neither a webhook-id header nor a value in the [IdempotencyKey] member of {workflow.InputType.Name}").ConfigureAwait(false);
            return;
        }

        StartedRun run;
        try
        {
            var client = context.RequestServices.GetRequiredService<IWorkflowClient>();
            // The event id names one delivery: a redelivery finds its run for ever, whatever the workflow's start policy.
            run = await client.StartAsync(workflow, input.Json, new StartOptions { IdempotencyKey = eventId, Policy = StartPolicy.ForeverUnique }, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, e.Message.Split(" (Parameter", 2)[0]).ConfigureAwait(false);
            return;
        }

        LogAccepted(workflow.Name, eventId, run.Id, run.Created);
        var accepted = options.StatusLocation is { } location ? RunResults.Accepted(run, location) : RunResults.AcceptedWithoutLocation(run);
        await accepted.ExecuteAsync(context).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context, int status, string problem)
    {
        LogRefused(workflow.Name, status, problem);
        return Problems.WriteAsync(context, status, "The webhook was refused: " + problem + ".");
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Webhook for {Workflow}: event {EventId} is run {RunId} (new: {Created})")]
    private partial void LogAccepted(string workflow, string eventId, Guid runId, bool created);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Webhook for {Workflow} refused with {Status}: {Problem}")]
    private partial void LogRefused(string workflow, int status, string problem);
}
