using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Inquir.Typed.AspNetCore;

/// <summary>Which route value of a webhook event endpoint names the run: <c>{runId}</c> (its id) or <c>{key}</c> (its idempotency key).</summary>
internal sealed record WebhookEventTarget(string Parameter, bool ById)
{
    public const string RunId = "runId";
    public const string Key = "key";

    public static WebhookEventTarget Of(string pattern)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        if (parsed.GetParameter(RunId) is not null)
        {
            return new WebhookEventTarget(RunId, ById: true);
        }

        return parsed.GetParameter(Key) is not null
            ? new WebhookEventTarget(Key, ById: false)
            : throw new InvalidOperationException($"The webhook event route \"{pattern}\" names no run: put {{{RunId}}} (the run id) or {{{Key}}} (its idempotency key) in it.");
    }

    /// <summary>The run the request names; null when the route value is missing or is not a run id.</summary>
    public EventTarget? Find(HttpRequest request, string workflow)
    {
        var value = request.RouteValues[Parameter] as string;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!ById)
        {
            return EventTarget.Key(workflow, value);
        }

        return Guid.TryParse(value, out var id) ? EventTarget.Run(id, workflow) : null;
    }
}
