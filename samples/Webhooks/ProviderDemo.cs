using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace WebhooksSample;

/// <summary>
/// Plays a payment provider that speaks Standard Webhooks: sends one signed payment.succeeded event, sends it again
/// (a redelivery), sends a forged one, follows the run to its end, prints every answer and stops the app.
/// </summary>
internal static class ProviderDemo
{
    public static async Task RunAsync(WebApplication app)
    {
        var exitCode = 1;
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var secret = app.Configuration["Inquir:Webhooks:fulfil-payment:Secret"]!;
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var body = JsonSerializer.Serialize(new
            {
                type = "payment.succeeded",
                timestamp = DateTimeOffset.UtcNow,
                data = new { payment_id = "pay_2Yh6", order_id = 1042, amount = 129.90m, currency = "EUR" },
            });
            var eventId = "msg_" + Guid.NewGuid().ToString("N")[..20];

            var first = await SendAsync(http, "signed event", eventId, body, secret);
            var again = await SendAsync(http, "the same event, redelivered", eventId, body, secret);
            var forged = await SendAsync(http, "a forged event", "msg_forged", body.Replace("129.9", "0.01", StringComparison.Ordinal), "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

            var firstRun = first.Body.GetProperty("id").GetGuid();
            var sameRun = again.Body.GetProperty("id").GetGuid() == firstRun;
            Console.WriteLine($"provider> redelivery answered the same run: {sameRun}; forged event answered {(int)forged.Status}");

            var location = first.Location ?? throw new InvalidOperationException("the 202 answer has no Location");
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                var status = await http.GetFromJsonAsync<JsonElement>(location);
                var state = status.GetProperty("status").GetString();
                if (state is "succeeded" or "failed" or "cancelled")
                {
                    Console.WriteLine($"provider> GET {location} -> {state}: {status.GetProperty("result")}");
                    exitCode = state == "succeeded" && sameRun && forged.Status == System.Net.HttpStatusCode.Unauthorized ? 0 : 1;
                    break;
                }

                await Task.Delay(100);
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"provider> failed: {e.Message}");
        }
        finally
        {
            Environment.ExitCode = exitCode;
            await app.StopAsync();
        }
    }

    private static async Task<(System.Net.HttpStatusCode Status, JsonElement Body, Uri? Location)> SendAsync(HttpClient http, string what, string id, string body, string secret)
    {
        // Standard Webhooks 1.0: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64 key after "whsec_".
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/payments") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Console.WriteLine($"provider> POST /webhooks/payments ({what}, webhook-id {id}) -> {(int)response.StatusCode} {text}");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Location);
    }
}
