using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inquir.Typed;

/// <summary>A notice as the outbox stores it: JSON that reads back into the same <see cref="AlertNotice"/>.</summary>
internal static class AlertNoticeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write(AlertNotice notice) => JsonSerializer.Serialize(notice, Options);

    // The row's id column is the truth: the payload's copy only makes it readable in the table.
    public static AlertNotice Read(string json, Guid id) =>
        (JsonSerializer.Deserialize<AlertNotice>(json, Options) ?? throw new JsonException("A stored alert notice is null.")) with { Id = id };

    public static string Kind(AlertNotice notice) => notice.Status == AlertStatus.Firing ? "firing" : "resolved";
}
