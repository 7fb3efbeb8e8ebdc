using System.ComponentModel;
using System.Text.Json;

namespace Inquir.Typed.Generated;

/// <summary>
/// The checkpoint serializer of <see cref="EventResult{T}"/>, around the payload's own serializer. For generated
/// code: the step after an <see cref="EventWait{T}"/> that takes <see cref="EventResult{T}"/> reads its input with it.
/// </summary>
/// <typeparam name="T">The payload.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EventResultSerializer<T> : CheckpointSerializer<EventResult<T>>
{
    private readonly CheckpointSerializer<T> _payload;

    /// <summary>Creates the serializer.</summary>
    /// <param name="payload">The payload's serializer.</param>
    public EventResultSerializer(CheckpointSerializer<T> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        _payload = payload;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EventResult<T> value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteBoolean(EventResultJson.TimedOut, value.TimedOut);
        writer.WritePropertyName(EventResultJson.Value);
        if (value.TimedOut || value.Value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            _payload.Write(writer, value.Value);
        }

        writer.WritePropertyName(EventResultJson.EventId);
        CheckpointJson.WriteString(writer, value.EventId);
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override EventResult<T> Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for EventResult, found {reader.TokenType}.");
        }

        bool? timedOut = null;
        T? value = default;
        string? eventId = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "TimedOut":
                    timedOut = reader.GetBoolean();
                    break;
                case "Value":
                    value = reader.TokenType == JsonTokenType.Null ? default : _payload.Read(ref reader);
                    break;
                case "EventId":
                    eventId = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EventResult<T>
        {
            TimedOut = timedOut ?? throw new JsonException("The EventResult has no TimedOut."),
            Value = value,
            EventId = eventId,
        };
    }
}
