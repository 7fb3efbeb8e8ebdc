namespace Inquir.Typed.AspNetCore;

/// <summary>The signature schemes a webhook endpoint verifies without a custom <see cref="IWebhookVerifier"/>.</summary>
public enum WebhookScheme
{
    /// <summary>Standard Webhooks 1.0 (<see cref="StandardWebhookVerifier"/>).</summary>
    StandardWebhooks,

    /// <summary>Stripe's <c>Stripe-Signature</c> (<see cref="StripeWebhookVerifier"/>).</summary>
    Stripe,
}
