using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>Signs requests the way a Standard Webhooks sender does, written from the spec apart from the verifier under test.</summary>
public static class StandardSignature
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public const string OtherSecret = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";

    public static HttpRequestMessage Request(string path, string body, string? id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", DateTimeOffset? at = null, params string[] secrets)
    {
        var timestamp = (at ?? TestApp.Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (id is not null)
        {
            request.Headers.Add("webhook-id", id);
        }

        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", string.Join(' ', (secrets.Length == 0 ? [Secret] : secrets).Select(s => "v1," + Sign(s, $"{id}.{timestamp}.{body}"))));
        return request;
    }

    public static string Sign(string secret, string content) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes(content)));
}
