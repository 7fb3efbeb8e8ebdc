namespace Inquir.Typed;

/// <summary>
/// A webhook per-run notifications are posted to, signed as Standard Webhooks sign them (<c>webhook-id</c>,
/// <c>webhook-timestamp</c>, <c>webhook-signature</c>); bound from <c>Inquir:NotificationWebhooks:{name}</c>.
/// </summary>
public sealed class NotificationWebhookOptions
{
    /// <summary>Where notifications are posted (http or https). Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>The signing secret: <c>whsec_</c> followed by base64, as the receiver was given it. Required.</summary>
    public string? Secret { get; set; }

    /// <summary>How many posts a notification gets before it is given up (a 2xx answer delivers it). Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait before the second post; it doubles for each later one, up to <see cref="LongestRetryDelay"/>. Default 10 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two posts. Default 1 hour.</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one POST may take. Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
