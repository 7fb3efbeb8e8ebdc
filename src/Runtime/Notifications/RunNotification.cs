namespace Inquir.Typed;

/// <summary>
/// What a workflow asks to be told of: a signed Standard Webhooks POST to <see cref="Webhook"/> when one of its runs
/// ends with an outcome in <see cref="On"/>, once per run execution, delivered from the database. Set in code with
/// <c>o.Notifications["export-data"] = new RunNotification { Webhook = "ops" }</c>, in configuration under
/// <c>Inquir:Notifications:{workflow}</c>, or with <see cref="NotifyAttribute"/> on the workflow (configuration wins).
/// </summary>
public sealed class RunNotification
{
    /// <summary>The outcomes that are told. Default <see cref="RunOutcomes.Failed"/>.</summary>
    public RunOutcomes On { get; set; } = RunOutcomes.Failed;

    /// <summary>The name of the webhook in <see cref="InquirOptions.NotificationWebhooks"/> the notification is posted to. Required.</summary>
    public string? Webhook { get; set; }
}
