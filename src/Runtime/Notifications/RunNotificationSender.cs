using System.Net.Http.Headers;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Posts one notification to its webhook, signed as Standard Webhooks sign: <c>webhook-id</c> (the same at every post,
/// so the receiver drops a repeat), <c>webhook-timestamp</c> (Unix seconds of this post) and <c>webhook-signature</c>.
/// One post per call: the deliverer owns the retries, with their backoff kept in the database.
/// </summary>
internal sealed class RunNotificationSender(IOptions<InquirOptions> options, TimeProvider time) : IDisposable
{
    // How much of an answer or exception a stored problem keeps: enough to read, never a whole HTML error page.
    private const int LongestProblem = 300;

    // One client for the process: a pooled handler whose connections are renewed, so that DNS changes are seen.
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <returns><see langword="null"/> when the webhook answered 2xx; otherwise what went wrong, shortened to be read.</returns>
    public async Task<string?> SendAsync(PendingRunNotification notification, CancellationToken stoppingToken)
    {
        var webhook = options.Value.NotificationWebhooks[notification.Webhook];
        StandardWebhookSignature.TryDecodeSecret(webhook.Secret!, out var key);
        var body = RunNotificationMessage.Body(notification);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var timeout = new CancellationTokenSource(webhook.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = content };
            request.Headers.Add("webhook-id", notification.MessageId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", StandardWebhookSignature.Sign(key, notification.MessageId, timestamp, body));
            using var response = await _client.SendAsync(request, linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase;
            return Shorten($"HTTP {(int)response.StatusCode}{reason}");
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            return e is OperationCanceledException ? $"no answer within {webhook.RequestTimeout}" : Shorten(e.Message);
        }
    }

    public void Dispose() => _client.Dispose();

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= LongestProblem ? line : line[..(LongestProblem - 1)] + "…";
    }
}
