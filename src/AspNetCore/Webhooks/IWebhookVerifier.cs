using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Checks that a webhook request was signed by the provider and is recent. <see cref="StandardWebhookVerifier"/>
/// (Standard Webhooks 1.0) is the default; <see cref="StripeWebhookVerifier"/> reads Stripe's header; implement this
/// for any other provider's scheme.
/// </summary>
public interface IWebhookVerifier
{
    /// <summary>Verifies the request; runs before its body is parsed.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw body, exactly as received: signatures are over these bytes.</param>
    /// <param name="now">The time to check the request's timestamp against.</param>
    /// <returns>Valid with the event id the headers carry (if any), or invalid with a reason that holds no secret.</returns>
    WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now);
}

/// <summary>What <see cref="IWebhookVerifier.Verify"/> found.</summary>
public readonly record struct WebhookVerification
{
    /// <summary>Whether the signature matched and the timestamp is within the tolerance.</summary>
    public bool IsValid { get; private init; }

    /// <summary>The event id from the headers (Standard Webhooks' <c>webhook-id</c>); <see langword="null"/> when the scheme carries it in the body.</summary>
    public string? EventId { get; private init; }

    /// <summary>Why the request was refused; answered to the sender, so it never holds a secret.</summary>
    public string? Problem { get; private init; }

    /// <summary>A verified request.</summary>
    public static WebhookVerification Valid(string? eventId) => new() { IsValid = true, EventId = eventId };

    /// <summary>A refused request.</summary>
    public static WebhookVerification Invalid(string problem) => new() { Problem = problem };
}
