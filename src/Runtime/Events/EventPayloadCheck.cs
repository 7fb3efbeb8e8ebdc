using System.Text;
using System.Text.Json;

namespace Inquir.Typed;

/// <summary>Checks an event's payload before anything is written: too large, not JSON, or holding a character jsonb cannot store.</summary>
internal static class EventPayloadCheck
{
    public static void ThrowIfInvalid(string name, string payloadJson, int maxBytes)
    {
        var size = Encoding.UTF8.GetByteCount(payloadJson);
        if (size > maxBytes)
        {
            throw new ArgumentException(
                $"The payload of event '{name}' is {size} bytes of JSON; the limit is {maxBytes} bytes (Inquir:MaxInputBytes). Nothing was sent.",
                nameof(payloadJson));
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(payloadJson));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    throw new ArgumentException(
                        $"The payload of event '{name}' holds the character U+0000, which PostgreSQL jsonb cannot store. Nothing was sent.",
                        nameof(payloadJson));
                }
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The payload of event '{name}' is not valid JSON: {e.Message} Nothing was sent.", nameof(payloadJson), e);
        }
    }
}
