namespace Inquir.Typed;

/// <summary>Fills <see cref="AlertWebhookOptions.LinkTemplate"/>: <c>{rule}</c>, <c>{workflow}</c>, <c>{step}</c> and <c>{queue}</c>, each URL-escaped.</summary>
internal static class AlertLink
{
    public static string? Of(string? template, AlertNotice notice) => template?
        .Replace("{rule}", Uri.EscapeDataString(notice.Rule), StringComparison.Ordinal)
        .Replace("{workflow}", Uri.EscapeDataString(notice.Workflow), StringComparison.Ordinal)
        .Replace("{step}", Uri.EscapeDataString(notice.Step ?? ""), StringComparison.Ordinal)
        .Replace("{queue}", Uri.EscapeDataString(notice.Queue ?? ""), StringComparison.Ordinal);
}
