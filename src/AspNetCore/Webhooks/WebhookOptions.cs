namespace Inquir.Typed.AspNetCore;

/// <summary>
/// How a webhook endpoint verifies and limits requests. Bound from <c>Inquir:Webhooks:{workflow name}</c>, then
/// changed by the <c>configure</c> callback of <c>MapWebhook</c>.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>The default of <see cref="MaxBodyBytes"/>: 256 KiB.</summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>The signing secret (<c>whsec_…</c>). Keep it in configuration or a secret store, never in code.</summary>
    public string? Secret { get; set; }

    /// <summary>More secrets, all accepted: while a secret is rotated, both the old and the new one verify.</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>The signature scheme. Default Standard Webhooks 1.0.</summary>
    public WebhookScheme Scheme { get; set; } = WebhookScheme.StandardWebhooks;

    /// <summary>How far a request's signed timestamp may be from now; older (replayed) and newer requests are 401. Default 5 minutes.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body read; a larger one is 413 and is not read further. Default 256 KiB.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>Where the 202 answer's <c>Location</c> points, such as <c>"/payments/runs/{id}"</c>; none when <see langword="null"/>.</summary>
    public string? StatusLocation { get; set; }

    /// <summary>A verifier of another scheme; when set, <see cref="Scheme"/> and the secrets are not used.</summary>
    public IWebhookVerifier? Verifier { get; set; }
}
