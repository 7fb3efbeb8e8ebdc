namespace Inquir.Typed;

/// <summary>
/// Asks for a signed Standard Webhooks POST to a webhook of <see cref="InquirOptions.NotificationWebhooks"/> when one of
/// the workflow's runs ends with one of the outcomes given: once per run execution, retried with backoff, delivered
/// from the database so that a crash does not lose it. <c>Inquir:Notifications:{workflow}</c> overrides it. A webhook
/// name that no configuration defines stops the host at start.
/// </summary>
/// <example>
/// <code>
/// [Workflow("export-data")]
/// [Notify(RunOutcomes.Failed, Webhook = "ops")]
/// public sealed partial class ExportData { ... }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class NotifyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="on">The outcomes that are told, such as <see cref="RunOutcomes.Failed"/> or <see cref="RunOutcomes.Finished"/>.</param>
    public NotifyAttribute(RunOutcomes on) => On = on;

    /// <summary>The outcomes that are told.</summary>
    public RunOutcomes On { get; }

    /// <summary>The name of the webhook in <see cref="InquirOptions.NotificationWebhooks"/> (<c>Inquir:NotificationWebhooks:{name}</c>). Required.</summary>
    public string? Webhook { get; set; }
}
