using System.Diagnostics.CodeAnalysis;
using Inquir.Typed;
using Inquir.Typed.AspNetCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps endpoints that receive a provider's signed webhooks and start a workflow per event.</summary>
public static class WebhookEndpoints
{
    /// <summary>
    /// Maps <c>POST</c> <paramref name="pattern"/> to a receiver that verifies the request's signature (Standard
    /// Webhooks 1.0 unless configured otherwise), reads the body as the workflow's input, and starts a run whose
    /// idempotency key is the event id (the input's <see cref="IdempotencyKeyAttribute"/> member, else the
    /// <c>webhook-id</c> header): it answers <c>202</c> with the run id, the same run for a redelivered event. A bad
    /// signature or a timestamp outside the tolerance is <c>401</c>, a body that is not the input or has no event id
    /// <c>400</c>, a body over the limit <c>413</c>; none of them starts anything.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, such as <c>"/webhooks/payments"</c>.</param>
    /// <param name="workflow">The workflow each event starts.</param>
    /// <param name="configure">Changes the options after <c>Inquir:Webhooks:{workflow name}</c> is bound.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="InvalidOperationException">No secret is configured, or a secret is not in the scheme's format (the message names the key, never the secret).</exception>
    public static IEndpointConventionBuilder MapWebhook(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, WorkflowDescriptor workflow, Action<WebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(workflow);

        var services = endpoints.ServiceProvider;
        var options = new WebhookOptions();
        var section = $"Inquir:Webhooks:{workflow.Name}";
        services.GetService<IConfiguration>()?.GetSection(section).Bind(options);
        configure?.Invoke(options);

        var receiver = new WebhookReceiver(
            workflow,
            options,
            options.Verifier ?? BuildVerifier(options, section),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Inquir.Typed.AspNetCore.Webhooks"));
        return endpoints.MapPost(pattern, receiver.ReceiveAsync);
    }

    /// <summary>Maps a webhook receiver that starts <typeparamref name="TWorkflow"/>.</summary>
    /// <typeparam name="TWorkflow">A workflow class.</typeparam>
    /// <example>
    /// <code>
    /// app.MapWebhook&lt;RecordPayment&gt;("/webhooks/payments");   // secret from Inquir:Webhooks:record-payment:Secret
    /// </code>
    /// </example>
    public static IEndpointConventionBuilder MapWebhook<TWorkflow>(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, Action<WebhookOptions>? configure = null)
        where TWorkflow : IGeneratedWorkflow =>
        endpoints.MapWebhook(pattern, TWorkflow.Descriptor, configure);

    internal static IWebhookVerifier BuildVerifier(WebhookOptions options, string section)
    {
        var secrets = options.Secrets.Prepend(options.Secret).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).Distinct(StringComparer.Ordinal).ToList();
        if (secrets.Count == 0)
        {
            throw new InvalidOperationException($"The webhook endpoint has no secret: set {section}:Secret (or {section}:Secrets:0, :1 … while rotating).");
        }

        if (options.Tolerance <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{section}:Tolerance must be positive; it is {options.Tolerance}.");
        }

        if (options.MaxBodyBytes < 1)
        {
            throw new InvalidOperationException($"{section}:MaxBodyBytes must be at least 1; it is {options.MaxBodyBytes}.");
        }

        try
        {
            return options.Scheme switch
            {
                WebhookScheme.Stripe => new StripeWebhookVerifier(secrets, options.Tolerance),
                _ => new StandardWebhookVerifier(secrets, options.Tolerance),
            };
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{section}:Secret: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }
}
