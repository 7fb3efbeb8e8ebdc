using System.Security.Cryptography;
using System.Text;

namespace Inquir.Typed;

/// <summary>
/// Standard Webhooks 1.0 signing, shared by the sender (per-run notifications) and the receiver
/// (<c>StandardWebhookVerifier</c> of Inquir.Typed.AspNetCore): HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c> with the
/// key a <c>whsec_</c> base64 secret holds, sent as <c>v1,&lt;base64&gt;</c>.
/// </summary>
internal static class StandardWebhookSignature
{
    /// <summary>The prefix of Standard Webhooks secrets.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The key a secret holds; false when it is not <c>whsec_</c> (which may be left out) followed by base64.</summary>
    public static bool TryDecodeSecret(string secret, out byte[] key)
    {
        var base64 = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            key = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            key = [];
            return false;
        }
    }

    /// <summary>HMAC-SHA256 of <paramref name="prefix"/> (as UTF-8) followed by the raw body.</summary>
    public static byte[] HmacSha256(byte[] key, string prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The <c>webhook-signature</c> header's value for one message.</summary>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(HmacSha256(key, $"{id}.{timestamp}.", body));
}
