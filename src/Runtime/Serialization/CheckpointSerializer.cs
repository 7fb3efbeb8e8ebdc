using System.Text;
using System.Text.Json;

namespace Inquir.Typed;

/// <summary>
/// Turns values that cross a step boundary (workflow input, step outputs, the result) into the JSON stored as
/// checkpoints, and back. The source generator emits one per type, reflection-free; the runtime only ever sees JSON text.
/// </summary>
/// <typeparam name="T">The type that crosses the boundary.</typeparam>
public abstract class CheckpointSerializer<T>
{
    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    public abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>Reads one JSON value positioned at <paramref name="reader"/>'s current token.</summary>
    public abstract T Read(ref Utf8JsonReader reader);

    /// <summary>Serializes <paramref name="value"/> to JSON text.</summary>
    public string Serialize(T value)
    {
        var writer = ThreadJsonWriter.Rent(out var buffer);
        Write(writer, value);
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a value back from JSON text.</summary>
    /// <exception cref="CheckpointDecodeException">The text is not JSON of this type.</exception>
    public T Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read())
            {
                throw new JsonException("The text holds no JSON value.");
            }

            var value = Read(ref reader);

            // The reader accepts one top-level value: reading on rejects anything after it.
            reader.Read();
            return value;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or OverflowException)
        {
            throw new CheckpointDecodeException(typeof(T), e);
        }
    }
}
