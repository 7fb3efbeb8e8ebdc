namespace Inquir.Typed;

/// <summary>How the alert rules of <see cref="InquirOptions.Alerts"/> are evaluated and where their notices go; bound from <c>Inquir:Alerting</c>.</summary>
public sealed class AlertingOptions
{
    /// <summary>How often the rules are evaluated. Default 30 s; no rule's window may be shorter.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many of the commonest error messages a notice carries. Default 3.</summary>
    public int TopErrors { get; set; } = 3;

    /// <summary>
    /// How long one sink may take with one notice before that try is given up (the webhook's retries included). The
    /// notice is tried again later, with a delay that doubles up to 5 minutes, until the sink takes it. Default 60 s.
    /// </summary>
    public TimeSpan SinkTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a notice is kept after it was written: a delivered one for the record, one that some sink has still
    /// not taken until it is given up (logged as an error). Default 7 days.
    /// </summary>
    public TimeSpan NoticeRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The webhook notices are posted to, in the shape of an Alertmanager webhook; off until its URL is set.</summary>
    public AlertWebhookOptions Webhook { get; set; } = new();
}
