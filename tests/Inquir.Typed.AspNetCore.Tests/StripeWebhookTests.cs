using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inquir.Typed.AspNetCore;
using Microsoft.AspNetCore.Builder;

namespace Inquir.Typed.AspNetCore.Tests;

public sealed class StripeWebhookTests
{
    private const string Path = "/webhooks/stripe";
    private const string Secret = "whsec_stripe_test_secret";

    private static Task<TestApp> AppAsync() => TestApp.StartAsync(
        app => app.MapWebhook<RecordStripeEvent>(Path, o => o.Scheme = WebhookScheme.Stripe),
        configuration: new Dictionary<string, string?> { ["Inquir:Webhooks:record-stripe-event:Secret"] = Secret });

    private static HttpRequestMessage Signed(string body, string secret = Secret)
    {
        var t = TestApp.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", $"t={t},v1={signature},v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39");
        return request;
    }

    [Fact]
    public async Task A_Stripe_signed_event_starts_a_run_keyed_by_the_event_id_in_its_body()
    {
        await using var app = await AppAsync();

        var first = await app.Http.SendAsync(Signed("""{"id": "evt_1", "type": "payment_intent.succeeded"}"""));
        var again = await app.Http.SendAsync(Signed("""{"id": "evt_1", "type": "payment_intent.succeeded"}"""));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(id, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        Assert.Equal("evt_1", (await app.Client.GetRunAsync(id))!.IdempotencyKey);
    }

    [Fact]
    public async Task A_Stripe_event_signed_with_another_secret_is_401()
    {
        await using var app = await AppAsync();

        var response = await app.Http.SendAsync(Signed("""{"id": "evt_2", "type": "charge.refunded"}""", "whsec_someone_else"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await app.RunCountAsync("record-stripe-event"));
    }

    [Fact]
    public async Task A_Stripe_event_without_an_id_is_400()
    {
        await using var app = await AppAsync();

        var response = await app.Http.SendAsync(Signed("""{"id": null, "type": "charge.refunded"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the event has no id", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.RunCountAsync("record-stripe-event"));
    }
}
