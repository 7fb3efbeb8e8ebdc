namespace Inquir.Typed;

/// <summary>The webhook sink: a JSON POST shaped like an Alertmanager webhook, retried with backoff, bounded.</summary>
public sealed class AlertWebhookOptions
{
    /// <summary>Where notices are posted (http or https). Unset: no webhook.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// A link sent with each notice (as <c>externalURL</c> and <c>generatorURL</c>), such as a dashboard's run search;
    /// <c>{rule}</c>, <c>{workflow}</c>, <c>{step}</c> and <c>{queue}</c> are replaced, URL-escaped.
    /// </summary>
    /// <example><c>https://ops.example.com/inquir/runs?workflow={workflow}&amp;status=failed</c></example>
    public string? LinkTemplate { get; set; }

    /// <summary>
    /// How many times one delivery try posts a notice (a 2xx answer ends it). When every post of the try fails, the
    /// notice is delivered again later, with a delay that doubles up to 5 minutes. Default 4.
    /// </summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the second try; it doubles for each later one. Default 1 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one POST may take. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
