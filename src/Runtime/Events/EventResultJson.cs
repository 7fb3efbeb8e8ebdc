using System.Text;
using System.Text.Json;

namespace Inquir.Typed.Generated;

/// <summary>
/// The checkpoint of a step whose next step takes <see cref="EventResult{T}"/>:
/// <c>{"TimedOut":false,"Value":payload,"EventId":"id"}</c>, or <c>{"TimedOut":true,"Value":null,"EventId":null}</c>.
/// The runtime writes it without knowing the payload's type; <see cref="EventResultSerializer{T}"/> reads it.
/// </summary>
internal static class EventResultJson
{
    public static readonly JsonEncodedText TimedOut = JsonEncodedText.Encode("TimedOut");
    public static readonly JsonEncodedText Value = JsonEncodedText.Encode("Value");
    public static readonly JsonEncodedText EventId = JsonEncodedText.Encode("EventId");

    public static string Write(bool timedOut, string? payloadJson, string? eventId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean(TimedOut, timedOut);
            writer.WritePropertyName(Value);
            if (payloadJson is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(payloadJson, skipInputValidation: false);
            }

            writer.WriteString(EventId, eventId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
