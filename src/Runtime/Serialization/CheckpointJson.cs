using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Inquir.Typed.Generated;

/// <summary>
/// The reads and writes that generated checkpoint serializers share, in the exact formats System.Text.Json uses, so
/// that stored checkpoints look the same as <c>JsonSerializer</c> output. For generated code; not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CheckpointJson
{
    // The formats of System.Text.Json's own converters for these types.
    private const string DateOnlyFormat = "yyyy-MM-dd";
    private const string TimeSpanFormat = "c";

    /// <summary>
    /// Writes a string, or <c>null</c>; one longer than the writer takes, or holding a lone surrogate (which the writer
    /// would replace with U+FFFD), is refused with an <see cref="ArgumentException"/> before the writer sees it.
    /// </summary>
    public static void WriteString(Utf8JsonWriter writer, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ThrowIfNotWritable(value);
        writer.WriteStringValue(value);
    }

    /// <summary>Writes a property whose value is a string, or <c>null</c>; a value the writer would not keep as given is refused as <see cref="WriteString(Utf8JsonWriter, string?)"/> refuses it.</summary>
    public static void WriteString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ThrowIfNotWritable(value);
        writer.WriteString(name, value);
    }

    /// <summary>Writes a dictionary's key as a property name; a key holding a lone surrogate is refused as a string value is.</summary>
    public static void WritePropertyName(Utf8JsonWriter writer, string name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfNotWritable(name);
        writer.WritePropertyName(name);
    }

    /// <summary>Writes a <see cref="char"/> as a one-character string; a surrogate, which alone has no UTF-8 form, is refused.</summary>
    public static void WriteChar(Utf8JsonWriter writer, char value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = [value];
        LoneSurrogateException.ThrowIfAny(text);
        writer.WriteStringValue(text);
    }

    /// <summary>Reads a one-character string.</summary>
    public static char ReadChar(ref Utf8JsonReader reader)
    {
        var text = reader.GetString();
        return text is { Length: 1 } ? text[0] : throw new JsonException($"Expected a string of one character, found {Describe(ref reader)}.");
    }

    /// <summary>Writes a <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>.</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out var length, DateOnlyFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }

    /// <summary>Reads a <see cref="DateOnly"/> written as <c>yyyy-MM-dd</c>.</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader) =>
        DateOnly.TryParseExact(ReadString(ref reader), DateOnlyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new JsonException($"Expected a date as yyyy-MM-dd, found {Describe(ref reader)}.");

    /// <summary>Writes a <see cref="TimeOnly"/> as <c>HH:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value) => WriteTimeSpan(writer, value.ToTimeSpan());

    /// <summary>Reads a <see cref="TimeOnly"/> written as <c>HH:mm:ss[.fffffff]</c>.</summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader)
    {
        var time = ReadTimeSpan(ref reader);
        return time >= TimeSpan.Zero && time.Ticks < TimeSpan.TicksPerDay
            ? TimeOnly.FromTimeSpan(time)
            : throw new JsonException($"Expected a time of day, found {Describe(ref reader)}.");
    }

    /// <summary>Writes a <see cref="TimeSpan"/> in the constant format <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var length, TimeSpanFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..length]);
    }

    /// <summary>Reads a <see cref="TimeSpan"/> written in the constant format.</summary>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader) =>
        TimeSpan.TryParseExact(ReadString(ref reader), TimeSpanFormat, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"Expected a time span as [d.]hh:mm:ss, found {Describe(ref reader)}.");

    /// <summary>Writes a <see cref="Uri"/> as its original string, or <c>null</c>.</summary>
    public static void WriteUri(Utf8JsonWriter writer, Uri? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ThrowIfNotWritable(value?.OriginalString);
        writer.WriteStringValue(value?.OriginalString);
    }

    /// <summary>Reads a <see cref="Uri"/>, absolute or relative, or <c>null</c>.</summary>
    public static Uri? ReadUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return Uri.TryCreate(ReadString(ref reader), UriKind.RelativeOrAbsolute, out var value)
            ? value
            : throw new JsonException($"Expected a URI, found {Describe(ref reader)}.");
    }

    /// <summary>Writes bytes as a base64 string, or <c>null</c>.</summary>
    public static void WriteBytes(Utf8JsonWriter writer, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }

    /// <summary>Reads bytes written as a base64 string, or <c>null</c>.</summary>
    public static byte[]? ReadBytes(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetBytesFromBase64();

    /// <summary>Writes an enum value that has no single name: a combination of flags as <c>"A, B"</c>, anything else as its number.</summary>
    public static void WriteEnumWithoutName<TEnum>(Utf8JsonWriter writer, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = value.ToString();
        if (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-'))
        {
            writer.WriteRawValue(text);
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>
    /// Reads an enum value the generated code did not match by its exact name: a name in other casing, a list of flags,
    /// or a number.
    /// </summary>
    public static TEnum ReadEnum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return Enum.TryParse<TEnum>(Encoding.GetString(reader.ValueSpan), out var number)
                ? number
                : throw new JsonException($"Expected a {typeof(TEnum).Name}, found the number {Describe(ref reader)}.");
        }

        var text = ReadString(ref reader);
        return text is not null && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)
            ? value
            : throw new JsonException($"Expected one of the names of {typeof(TEnum).Name}, found {Describe(ref reader)}.");
    }

    /// <summary>Fails unless the reader is at the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeName}, found {Describe(ref reader)}.");
        }
    }

    /// <summary>Fails unless the reader is at the start of an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array for {typeName}, found {Describe(ref reader)}.");
        }
    }

    /// <summary>At JSON <c>null</c>, true; otherwise fails unless the reader is at the start of an object, and returns false.</summary>
    public static bool IsNullElseStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        ExpectStartObject(ref reader, typeName);
        return false;
    }

    /// <summary>At JSON <c>null</c>, true; otherwise fails unless the reader is at the start of an array, and returns false.</summary>
    public static bool IsNullElseStartArray(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        ExpectStartArray(ref reader, typeName);
        return false;
    }

    /// <summary>Fails unless the reader is at the start of an object of the value type <paramref name="typeName"/>, which cannot be null.</summary>
    public static void ExpectStartOfValueType(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw NullForValueType(typeName);
        }

        ExpectStartObject(ref reader, typeName);
    }

    /// <summary>Inside an array being read: moves to its next element; false at the end of the array (or of the input).</summary>
    public static bool NextItem(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    /// <summary>
    /// Inside an object read as a dictionary: moves to its next property, reads its name into <paramref name="key"/>
    /// and leaves the reader at its value; false at the end of the object (or of the input).
    /// </summary>
    public static bool NextKey(ref Utf8JsonReader reader, out string key)
    {
        if (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            key = reader.GetString()!;
            reader.Read();
            return true;
        }

        key = null!;
        return false;
    }

    /// <summary>The error for a JSON <c>null</c> where a value type is expected.</summary>
    public static JsonException NullForValueType(string typeName) => new($"Expected {typeName}, found null, which that value type cannot hold.");

    private static string? ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException($"Expected a string, found {Describe(ref reader)}.");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "\"" + reader.GetString() + "\"",
        JsonTokenType.Number => Encoding.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };

    private static System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    private static void ThrowIfNotWritable(string? value)
    {
        JsonStringTooLongException.ThrowIfTooLong(value);
        LoneSurrogateException.ThrowIfAny(value);
    }
}
