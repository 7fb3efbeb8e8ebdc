using System.Text.Json;

namespace Inquir.Typed;

/// <summary>A notice as the outbox stores it: JSON that reads back into the same <see cref="AlertNotice"/>.</summary>
internal static class AlertNoticeJson
{
    // Web defaults with enums as their names (RuntimeJson's options), as the stored notices have always been written.
    public static string Write(AlertNotice notice) => JsonSerializer.Serialize(notice, RuntimeJson.Default.AlertNotice);

    // The row's id column is the truth: the payload's copy only makes it readable in the table.
    public static AlertNotice Read(string json, Guid id) =>
        (JsonSerializer.Deserialize(json, RuntimeJson.Default.AlertNotice) ?? throw new JsonException("A stored alert notice is null.")) with { Id = id };

    public static string Kind(AlertNotice notice) => notice.Status == AlertStatus.Firing ? "firing" : "resolved";
}
