using System.Diagnostics.CodeAnalysis;
using Inquir.Typed;
using Inquir.Typed.AspNetCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps endpoints that receive a provider's signed webhooks and send each delivery as an event to a waiting run.</summary>
public static class WebhookEventEndpoints
{
    /// <summary>
    /// Maps <c>POST</c> <paramref name="pattern"/> to a receiver that verifies the request's signature as
    /// <see cref="WebhookEndpoints.MapWebhook(IEndpointRouteBuilder, string, WorkflowDescriptor, Action{WebhookOptions}?)"/>
    /// does (Standard Webhooks 1.0 unless configured otherwise), and sends the body as the payload of event
    /// <paramref name="eventName"/> with the <c>webhook-id</c> header as its event id, so that a redelivery is one
    /// event. The run is named by the route: a <c>{runId}</c> value is its id, a <c>{key}</c> value the idempotency key
    /// it was started with. It answers <c>202</c> with <c>{"runId", "delivery"}</c> (<c>Delivered</c>, <c>Kept</c> or
    /// <c>Duplicate</c>); a bad signature or timestamp is <c>401</c>, no such run <c>404</c>, a run that has ended
    /// <c>409</c>, a body that is not the payload or no event id <c>400</c>, a body over the limit <c>413</c>. The
    /// signature covers the event id, the timestamp and the body, not the route: give each such endpoint a secret of its
    /// own, which the provider signs for that URL only.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, with <c>{runId}</c> or <c>{key}</c>, such as <c>"/approvals/{key}"</c>.</param>
    /// <param name="workflow">The workflow whose runs wait for the event.</param>
    /// <param name="eventName">The event: a name a step of the workflow waits for.</param>
    /// <param name="configure">Changes the options after <c>Inquir:WebhookEvents:{workflow name}:{event name}</c> is bound; <see langword="null"/> for none.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="InvalidOperationException">
    /// The workflow never waits for the event, the route names neither <c>{runId}</c> nor <c>{key}</c>, no secret is
    /// configured, or a secret is not in the scheme's format.
    /// </exception>
    public static IEndpointConventionBuilder MapWebhookEvent(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, WorkflowDescriptor workflow, string eventName, Action<WebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        var wait = workflow.FindEvent(eventName)
            ?? throw new InvalidOperationException($"Workflow '{workflow.Name}' has no step that waits for an event named '{eventName}'.");
        var target = WebhookEventTarget.Of(pattern);

        var services = endpoints.ServiceProvider;
        var options = new WebhookOptions();
        var section = $"Inquir:WebhookEvents:{workflow.Name}:{eventName}";
        services.GetService<IConfiguration>()?.GetSection(section).Bind(options);
        configure?.Invoke(options);

        var receiver = new WebhookEventReceiver(
            workflow,
            eventName,
            wait,
            target,
            options,
            options.Verifier ?? WebhookEndpoints.BuildVerifier(options, section),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Inquir.Typed.AspNetCore.Webhooks"));
        return endpoints.MapPost(pattern, receiver.ReceiveAsync);
    }

    /// <summary>
    /// Maps a webhook receiver that sends event <paramref name="eventName"/> to runs of <typeparamref name="TWorkflow"/>,
    /// with the options of <c>Inquir:WebhookEvents:{workflow name}:{event name}</c> (pass the descriptor to change them in code).
    /// </summary>
    /// <typeparam name="TWorkflow">A workflow class.</typeparam>
    /// <example>
    /// <code>
    /// app.MapWebhookEvent&lt;OrderFlow&gt;("/approvals/{key}", "approval");   // secret from Inquir:WebhookEvents:order-flow:approval:Secret
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapWebhookEvent<TWorkflow>(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, string eventName)
        where TWorkflow : IGeneratedWorkflow =>
        endpoints.MapWebhookEvent(pattern, TWorkflow.Descriptor, eventName, configure: null);
}
