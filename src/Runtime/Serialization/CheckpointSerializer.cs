using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using System.Text;

namespace Inquir.Typed.Generated;

/// <summary>
/// Turns values that cross a step boundary (workflow input, step outputs, the result) into the JSON stored as
/// checkpoints, and back. For generated code: the source generator emits one per type, reflection-free; the runtime only
/// ever sees JSON text.
/// </summary>
/// <typeparam name="T">The type that crosses the boundary.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CheckpointSerializer<T>
{
    // Checkpoints up to this many characters are decoded from UTF-8 on the stack (at most three bytes a character).
    private const int MaxStackChars = 256;

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

    /// <summary>
    /// Serializes <paramref name="value"/> to UTF-8 JSON, the form a store writes: the writer's bytes, copied once out of
    /// the thread's buffer, never turned into a string.
    /// </summary>
    internal byte[] SerializeToUtf8(T value)
    {
        var writer = ThreadJsonWriter.Rent(out var buffer);
        Write(writer, value);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a value back from JSON text.</summary>
    /// <exception cref="CheckpointDecodeException">The text is not JSON of this type.</exception>
    public T Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // The UTF-8 bytes live on the stack or in a pooled array: the value read copies out everything it keeps.
        byte[]? rented = null;
        Span<byte> utf8 = json.Length <= MaxStackChars
            ? stackalloc byte[MaxStackChars * 3]
            : (rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json)));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, utf8);
            return DeserializeUtf8(utf8[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Reads a value back from UTF-8 JSON.</summary>
    /// <exception cref="CheckpointDecodeException">The bytes are not JSON of this type.</exception>
    internal T DeserializeUtf8(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
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
