using System.Globalization;

namespace Inquir.Typed.AspNetCore;

/// <summary>The timestamp check both schemes share (the HMAC is <see cref="StandardWebhookSignature"/>'s, which the sender uses too).</summary>
internal static class WebhookSignatures
{
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
