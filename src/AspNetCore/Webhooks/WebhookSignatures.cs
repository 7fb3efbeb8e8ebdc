using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inquir.Typed.AspNetCore;

/// <summary>HMAC-SHA256 over a prefix and the raw body, and the timestamp check both schemes share.</summary>
internal static class WebhookSignatures
{
    public static byte[] HmacSha256(byte[] key, string prefix, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>Reads Unix seconds and checks them against <paramref name="now"/> both ways: a replayed old request and a clock far ahead are both refused.</summary>
    public static string? TimestampProblem(string? text, string header, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"the {header} is missing or not Unix seconds";
        }

        var off = Math.Abs(now.ToUnixTimeSeconds() - seconds);
        return off > tolerance.TotalSeconds
            ? $"the {header} is {off.ToString(CultureInfo.InvariantCulture)} s away from now; at most {tolerance.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s are accepted"
            : null;
    }
}
