namespace Inquir.Typed;

/// <summary>A notification a delivering worker claimed: the run execution that ended, how, and how many posts it had.</summary>
internal sealed record PendingRunNotification(
    Guid RunId, int Execution, string Workflow, RunStatus Outcome, string Webhook, string? Error, DateTimeOffset EndedAt, int Attempts)
{
    /// <summary>The Standard Webhooks <c>webhook-id</c>: the same at every post of this notification, so the receiver can drop a repeat.</summary>
    public string MessageId => $"run_{RunId:N}_{Execution}";
}
