using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.AspNetCore;

/// <summary><c>POST {prefix}/events</c>: sends an event to a run named by its id, or by its workflow and idempotency key.</summary>
internal static class SendEventHandler
{
    public static async Task<IResult> SendAsync(HttpContext context, int maxBodyBytes)
    {
        var (request, problem) = await ApiBody.ReadAsync(context, maxBodyBytes, () => new SendEventRequest()).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Name))
        {
            return ApiProblems.BadField("name", "the event's name is required.");
        }

        if (string.IsNullOrWhiteSpace(request.EventId))
        {
            return ApiProblems.BadField("eventId", "the event's id is required: a second send with the same id is one event.");
        }

        if (TargetOf(request) is not { } target)
        {
            return ApiProblems.BadField("runId", "name the run by runId, or by workflow and key.");
        }

        try
        {
            var client = context.RequestServices.GetRequiredService<IWorkflowClient>();
            var sent = await client.SendEventJsonAsync(target, request.Name, request.Payload?.GetRawText() ?? "null", request.EventId, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Accepted((string?)null, SentEventResponse.From(sent));
        }
        catch (EventRefusedException e)
        {
            var message = e.Message.TrimEnd('.');
            return e.Reason switch
            {
                EventRefusal.RunNotFound => ApiProblems.NotFound(message + "."),
                EventRefusal.RunEnded => ApiProblems.Conflict(message + "."),
                EventRefusal.NotAwaited => ApiProblems.BadField("name", message + "."),
                EventRefusal.OtherWorkflow => ApiProblems.BadField("workflow", message + "."),
                _ => ApiProblems.BadField("payload", message + "."),
            };
        }
        catch (ArgumentException e)
        {
            var message = ApiProblems.MessageOf(e);
            return ApiProblems.BadField(e.ParamName switch { "eventId" => "eventId", "payloadJson" => "payload", _ => "name" }, message);
        }
    }

    private static EventTarget? TargetOf(SendEventRequest request) => request switch
    {
        { RunId: { } id, Workflow: { Length: > 0 } workflow } => EventTarget.Run(id, workflow),
        { RunId: { } id } => EventTarget.Run(id),
        { Workflow: { Length: > 0 } workflow, Key: { Length: > 0 } key } => EventTarget.Key(workflow, key),
        _ => null,
    };
}
