using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inquir.Typed;

/// <summary>
/// Posts each notice to <see cref="AlertWebhookOptions.Url"/> as an Alertmanager-shaped JSON body, with the notice's id
/// in the <c>webhook-id</c> header (as Standard Webhooks name it) and as <c>inquir.noticeId</c>, the same at every
/// delivery, so that the receiver can drop a repeat. An answer that is not 2xx, a timeout or a connection failure is
/// tried again after a delay that doubles each time, up to <see cref="AlertWebhookOptions.MaxAttempts"/>; then it
/// throws, the notifier logs it, and the notice is delivered again later.
/// </summary>
internal sealed partial class AlertWebhookSink(IOptions<InquirOptions> options, TimeProvider time, ILogger<AlertWebhookSink> logger) : IAlertSink, IDisposable
{
    /// <summary>The header that carries the notice's id.</summary>
    public const string WebhookIdHeader = "webhook-id";

    // One client for the process: a pooled handler whose connections are renewed, so that DNS changes are seen.
    private readonly HttpClient _client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task SendAsync(AlertNotice notice, CancellationToken cancellationToken)
    {
        var webhook = options.Value.Alerting.Webhook;
        var url = webhook.Url ?? throw new InvalidOperationException("Inquir:Alerting:Webhook:Url is not set.");
        var body = AlertmanagerPayload.Of(notice, AlertLink.Of(webhook.LinkTemplate, notice));
        var delay = webhook.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            using var timeout = new CancellationTokenSource(webhook.RequestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, RuntimeJson.Default.JsonObject) };
                request.Headers.Add(WebhookIdHeader, notice.Id.ToString("D"));
                using var response = await _client.SendAsync(request, linked.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                problem = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                problem = e is OperationCanceledException ? $"no answer within {webhook.RequestTimeout}" : e.Message;
            }

            if (attempt >= webhook.MaxAttempts)
            {
                throw new HttpRequestException($"The alert webhook {url.GetLeftPart(UriPartial.Path)} refused the {notice.Rule} notice {attempt} times; last: {problem}.");
            }

            LogRetrying(notice.Rule, attempt, problem, delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay += delay;
        }
    }

    public void Dispose() => _client.Dispose();

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Alert webhook try {Attempt} for rule {Rule} failed ({Problem}); trying again in {Delay}")]
    private partial void LogRetrying(string rule, int attempt, string problem, TimeSpan delay);
}
