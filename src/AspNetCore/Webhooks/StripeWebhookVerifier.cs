using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Stripe's scheme: header <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;…]</c>, each
/// <c>v1</c> an HMAC-SHA256 over <c>{t}.{body}</c> keyed with the endpoint secret's text. Stripe puts the event id
/// in the body (<c>"id": "evt_…"</c>): mark that member of the input <see cref="IdempotencyKeyAttribute"/>.
/// </summary>
public sealed class StripeWebhookVerifier : IWebhookVerifier
{
    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates the verifier.</summary>
    /// <param name="secrets">The endpoint secrets (<c>whsec_…</c>), used as they are written.</param>
    /// <param name="tolerance">How far <c>t</c> may be from now; Stripe's libraries use 5 minutes.</param>
    public StripeWebhookVerifier(IEnumerable<string> secrets, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _keys = secrets.Select(s => Encoding.UTF8.GetBytes(s)).ToArray();
        if (_keys.Length == 0 || _keys.Any(k => k.Length == 0))
        {
            throw new ArgumentException("No webhook secret is given, or one is empty.", nameof(secrets));
        }

        _tolerance = tolerance;
    }

    /// <inheritdoc />
    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? header = headers["Stripe-Signature"];
        if (string.IsNullOrEmpty(header))
        {
            return WebhookVerification.Invalid("the request has no Stripe-Signature header");
        }

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                timestamp = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && TryFromHex(part[3..], out var signature))
            {
                signatures.Add(signature);
            }
        }

        if (WebhookSignatures.TimestampProblem(timestamp, "Stripe-Signature timestamp (t)", now, _tolerance) is { } problem)
        {
            return WebhookVerification.Invalid(problem);
        }

        foreach (var key in _keys)
        {
            var expected = StandardWebhookSignature.HmacSha256(key, timestamp + ".", body);
            if (signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)))
            {
                return WebhookVerification.Valid(eventId: null);
            }
        }

        return WebhookVerification.Invalid("no v1 signature in the Stripe-Signature header matches the body");
    }

    private static bool TryFromHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
