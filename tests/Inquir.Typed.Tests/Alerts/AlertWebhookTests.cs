using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inquir.Typed.Tests.Alerts;

public sealed class AlertWebhookTests
{
    private static readonly AlertNotice Firing = new(
        "exports-failing",
        AlertStatus.Firing,
        "export-data",
        "Upload",
        62.5,
        20,
        16,
        TimeSpan.FromMinutes(10),
        25,
        40,
        [new AlertError("S3 returned 503 Slow Down", 20), new AlertError("connection reset", 5)],
        new DateTimeOffset(2026, 3, 1, 9, 0, 30, TimeSpan.Zero),
        null);

    [Fact]
    public async Task The_webhook_posts_an_Alertmanager_payload_with_the_rule_the_numbers_and_the_link()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sink = Sink(receiver, w => w.LinkTemplate = "https://ops.example.com/inquir/runs?workflow={workflow}&step={step}&q={rule}");

        await sink.SendAsync(Firing, CancellationToken.None);

        var body = Assert.Single(receiver.Bodies);
        var alert = body["alerts"]!.AsArray().Single()!;
        var link = "https://ops.example.com/inquir/runs?workflow=export-data&step=Upload&q=exports-failing";
        Assert.Equal(("4", "firing", link), ((string?)body["version"], (string?)body["status"], (string?)body["externalURL"]));
        Assert.Equal("""{"alertname":"exports-failing","workflow":"export-data","step":"Upload"}""", alert["labels"]!.ToJsonString());
        Assert.Equal(("2026-03-01T09:00:30.000Z", "0001-01-01T00:00:00Z", link), ((string?)alert["startsAt"], (string?)alert["endsAt"], (string?)alert["generatorURL"]));
        Assert.Equal("step Upload of workflow export-data is failing: 62.5 % above 20 %", (string?)alert["annotations"]!["summary"]);
        Assert.Equal("25 of 40 attempts failed in the last 00:10:00.", (string?)alert["annotations"]!["description"]);
        Assert.Equal("20× S3 returned 503 Slow Down\n5× connection reset", (string?)alert["annotations"]!["top_errors"]);
        var inquir = body["inquir"]!;
        Assert.Equal((62.5, 600.0, 25, 40), ((double)inquir["ratePercent"]!, (double)inquir["windowSeconds"]!, (int)inquir["failures"]!, (int)inquir["total"]!));
        Assert.Equal("""[{"message":"S3 returned 503 Slow Down","count":20},{"message":"connection reset","count":5}]""", inquir["topErrors"]!.ToJsonString());
    }

    [Fact]
    public async Task A_resolved_notice_carries_its_end_and_the_firing_s_fingerprint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sink = Sink(receiver);

        await sink.SendAsync(Firing, CancellationToken.None);
        await sink.SendAsync(Firing with { Status = AlertStatus.Resolved, RatePercent = 2, EndsAt = Firing.StartsAt.AddMinutes(7) }, CancellationToken.None);

        var (fired, resolved) = (receiver.Bodies[0]["alerts"]![0]!, receiver.Bodies[1]["alerts"]![0]!);
        Assert.Equal(("resolved", "2026-03-01T09:07:30.000Z"), ((string?)resolved["status"], (string?)resolved["endsAt"]));
        Assert.Equal((string?)fired["fingerprint"], (string?)resolved["fingerprint"]);
    }

    [Fact]
    public async Task A_refused_post_is_tried_again_until_it_is_accepted()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503, 500);
        using var sink = Sink(receiver);

        await sink.SendAsync(Firing, CancellationToken.None);

        Assert.Equal(3, receiver.Bodies.Count);
    }

    [Fact]
    public async Task Every_post_of_a_notice_carries_its_id_as_webhook_id_and_in_the_body()
    {
        await using var receiver = await WebhookReceiver.StartAsync(503);
        using var sink = Sink(receiver);
        var notice = Firing with { Id = Guid.Parse("0b7c6a52-8f43-4bb5-9d8e-2f0f1c9a4e11") };

        await sink.SendAsync(notice, CancellationToken.None);

        Assert.Equal(["0b7c6a52-8f43-4bb5-9d8e-2f0f1c9a4e11", "0b7c6a52-8f43-4bb5-9d8e-2f0f1c9a4e11"], receiver.WebhookIds);
        Assert.All(receiver.Bodies, body => Assert.Equal("0b7c6a52-8f43-4bb5-9d8e-2f0f1c9a4e11", (string?)body["inquir"]!["noticeId"]));
    }

    [Fact]
    public async Task The_webhook_gives_up_after_MaxAttempts_naming_the_last_answer()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 502, 500);
        using var sink = Sink(receiver);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sink.SendAsync(Firing, CancellationToken.None));

        Assert.Equal(3, receiver.Bodies.Count);
        Assert.Equal($"The alert webhook {receiver.Url} refused the exports-failing notice 3 times; last: HTTP 502.", error.Message);
    }

    private static AlertWebhookSink Sink(WebhookReceiver receiver, Action<AlertWebhookOptions>? configure = null)
    {
        var options = new InquirOptions();
        options.Alerting.Webhook.Url = receiver.Url;
        options.Alerting.Webhook.MaxAttempts = 3;
        options.Alerting.Webhook.FirstRetryDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options.Alerting.Webhook);
        return new AlertWebhookSink(Options.Create(options), TimeProvider.System, NullLogger<AlertWebhookSink>.Instance);
    }
}
