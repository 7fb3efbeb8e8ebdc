using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Inquir.Typed.AspNetCore.Tests;

public sealed class WebhookTests
{
    private const string Path = "/webhooks/payments";

    private const string Payment = """{"type": "payment.succeeded", "data": {"payment_id": "pay_123", "amount": 42.50, "currency": "EUR"}}""";

    private static readonly Dictionary<string, string?> Configuration = new() { ["Inquir:Webhooks:record-payment:Secret"] = StandardSignature.Secret };

    private static Task<TestApp> AppAsync(Action<Inquir.Typed.AspNetCore.WebhookOptions>? configure = null, IDictionary<string, string?>? configuration = null) =>
        TestApp.StartAsync(
            app =>
            {
                app.MapWebhook<RecordPayment>(Path, configure);
                app.MapRunStatus<RecordPayment>("/payments/runs/{id}");
            },
            configuration: configuration ?? Configuration);

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(TestApp app, HttpRequestMessage request)
    {
        var response = await app.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_event_is_202_and_starts_a_run_keyed_by_its_webhook_id()
    {
        await using var app = await AppAsync();

        var (status, body) = await SendAsync(app, StandardSignature.Request(Path, Payment));

        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        var run = (await app.Client.GetRunAsync(id))!;
        Assert.Equal("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", run.IdempotencyKey);
        Assert.Contains("\"payment_id\": \"pay_123\"", run.Input);
    }

    [Fact]
    public async Task A_redelivered_event_returns_the_same_run()
    {
        await using var app = await AppAsync();

        var (_, first) = await SendAsync(app, StandardSignature.Request(Path, Payment));
        var (status, second) = await SendAsync(app, StandardSignature.Request(Path, Payment, at: TestApp.Now.AddMinutes(2)));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(JsonDocument.Parse(first).RootElement.GetProperty("id").GetGuid(), JsonDocument.Parse(second).RootElement.GetProperty("id").GetGuid());
        Assert.False(JsonDocument.Parse(second).RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(1, await app.RunCountAsync("record-payment"));
    }

    [Fact]
    public async Task The_202_points_at_the_status_endpoint_when_one_is_configured()
    {
        await using var app = await AppAsync(o => o.StatusLocation = "/payments/runs/{id}");

        var response = await app.Http.SendAsync(StandardSignature.Request(Path, Payment));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_401_and_starts_nothing()
    {
        await using var app = await AppAsync();

        var (status, body) = await SendAsync(app, StandardSignature.Request(Path, Payment, secrets: StandardSignature.OtherSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("no v1 signature in the webhook-signature header matches the body", body);
        Assert.Equal(0, await app.RunCountAsync("record-payment"));
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_401()
    {
        await using var app = await AppAsync();
        var request = StandardSignature.Request(Path, Payment);
        request.Content = new StringContent(Payment.Replace("42.50", "4250.00", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        var (status, _) = await SendAsync(app, request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(0, await app.RunCountAsync("record-payment"));
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_timestamp_more_than_five_minutes_away_is_401(int minutes)
    {
        await using var app = await AppAsync();

        var (status, body) = await SendAsync(app, StandardSignature.Request(Path, Payment, at: TestApp.Now.AddMinutes(minutes)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("the webhook-timestamp is 360 s away from now; at most 300 s are accepted", body);
        Assert.Equal(0, await app.RunCountAsync("record-payment"));
    }

    [Fact]
    public async Task A_request_without_the_signature_headers_is_401()
    {
        await using var app = await AppAsync();

        var response = await app.Http.PostAsync(Path, new StringContent(Payment, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task While_rotating_any_configured_secret_and_any_sent_signature_verify()
    {
        await using var app = await AppAsync(configuration: new Dictionary<string, string?>
        {
            ["Inquir:Webhooks:record-payment:Secrets:0"] = StandardSignature.OtherSecret,
            ["Inquir:Webhooks:record-payment:Secrets:1"] = StandardSignature.Secret,
        });

        var (signedWithNew, _) = await SendAsync(app, StandardSignature.Request(Path, Payment, id: "msg_1", secrets: StandardSignature.OtherSecret));
        var (signedWithBoth, _) = await SendAsync(app, StandardSignature.Request(Path, Payment, id: "msg_2", secrets: ["whsec_" + Convert.ToBase64String(new byte[24]), StandardSignature.Secret]));

        Assert.Equal(HttpStatusCode.Accepted, signedWithNew);
        Assert.Equal(HttpStatusCode.Accepted, signedWithBoth);
    }

    [Theory]
    [InlineData("""{"type": "payment.succeeded", "data": """, "is not a PaymentEvent as JSON")]
    [InlineData("""["payment.succeeded"]""", "is not a PaymentEvent as JSON")]
    [InlineData("""{"type": "payment.succeeded", "data": {"payment_id": "pay_1", "amount": "lots", "currency": "EUR"}}""", "is not a PaymentEvent as JSON")]
    public async Task A_signed_body_that_is_not_the_input_is_400_and_starts_nothing(string body, string expected)
    {
        await using var app = await AppAsync();

        var (status, answer) = await SendAsync(app, StandardSignature.Request(Path, body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, answer);
        Assert.DoesNotContain("stored", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.RunCountAsync("record-payment"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_starts_nothing()
    {
        await using var app = await AppAsync(o => o.MaxBodyBytes = 1024);
        var huge = Payment.Replace("EUR", new string('E', 2000), StringComparison.Ordinal);

        var (status, _) = await SendAsync(app, StandardSignature.Request(Path, huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(0, await app.RunCountAsync("record-payment"));
    }

    [Fact]
    public async Task No_answer_echoes_the_secret()
    {
        await using var app = await AppAsync();
        var answers = new List<string>
        {
            (await SendAsync(app, StandardSignature.Request(Path, Payment, secrets: StandardSignature.OtherSecret))).Body,
            (await SendAsync(app, StandardSignature.Request(Path, "{", id: "msg_bad"))).Body,
            (await SendAsync(app, StandardSignature.Request(Path, Payment, at: TestApp.Now.AddHours(1)))).Body,
            (await SendAsync(app, StandardSignature.Request(Path, Payment))).Body,
        };

        var key = StandardSignature.Secret["whsec_".Length..];
        Assert.All(answers, answer => Assert.DoesNotContain(key, answer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_without_a_secret_stops_the_app_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppAsync(configuration: new Dictionary<string, string?>()));

        Assert.Contains("Inquir:Webhooks:record-payment:Secret", error.Message);
    }

    [Fact]
    public async Task A_secret_that_is_not_base64_stops_the_app_without_repeating_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AppAsync(configuration: new Dictionary<string, string?> { ["Inquir:Webhooks:record-payment:Secret"] = "whsec_not*base64!" }));

        Assert.Contains("Inquir:Webhooks:record-payment:Secret", error.Message);
        Assert.DoesNotContain("not*base64!", error.Message);
    }
}
