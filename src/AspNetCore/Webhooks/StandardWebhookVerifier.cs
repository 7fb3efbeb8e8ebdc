using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Standard Webhooks 1.0: headers <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and
/// <c>webhook-signature</c> (space-separated <c>v1,&lt;base64&gt;</c> entries, so a sender rotating its key can send
/// two); each signature is HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> with a <c>whsec_</c> base64 secret. Every
/// secret given is tried, so the receiver can rotate too. Comparison is constant-time.
/// </summary>
public sealed class StandardWebhookVerifier : IWebhookVerifier
{
    /// <summary>The prefix of Standard Webhooks secrets.</summary>
    public const string SecretPrefix = StandardWebhookSignature.SecretPrefix;

    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates the verifier.</summary>
    /// <param name="secrets">The secrets, <c>whsec_</c> followed by base64 (the prefix may be left out).</param>
    /// <param name="tolerance">How far the timestamp may be from now; the spec's default is 5 minutes.</param>
    /// <exception cref="ArgumentException">No secret is given, or one is not base64 (the message does not repeat it).</exception>
    public StandardWebhookVerifier(IEnumerable<string> secrets, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _keys = secrets.Select((secret, i) => Decode(secret, i)).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("No webhook secret is given.", nameof(secrets));
        }

        _tolerance = tolerance;
    }

    /// <inheritdoc />
    public WebhookVerification Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? id = headers["webhook-id"];
        string? timestamp = headers["webhook-timestamp"];
        string? signatures = headers["webhook-signature"];
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerification.Invalid("the request has no webhook-id or webhook-signature header");
        }

        if (WebhookSignatures.TimestampProblem(timestamp, "webhook-timestamp", now, _tolerance) is { } problem)
        {
            return WebhookVerification.Invalid(problem);
        }

        Span<byte> given = stackalloc byte[64];
        foreach (var key in _keys)
        {
            var expected = StandardWebhookSignature.HmacSha256(key, $"{id}.{timestamp}.", body);
            foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // Other versions (v1a is asymmetric) are not this verifier's to check.
                if (entry.StartsWith("v1,", StringComparison.Ordinal)
                    && Convert.TryFromBase64String(entry[3..], given, out var length)
                    && CryptographicOperations.FixedTimeEquals(given[..length], expected))
                {
                    return WebhookVerification.Valid(id);
                }
            }
        }

        return WebhookVerification.Invalid("no v1 signature in the webhook-signature header matches the body");
    }

    private static byte[] Decode(string secret, int index)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return StandardWebhookSignature.TryDecodeSecret(secret, out var key)
            ? key
            : throw new ArgumentException($"Webhook secret {index + 1} is not \"{SecretPrefix}\" followed by base64.", nameof(secret));
    }
}
