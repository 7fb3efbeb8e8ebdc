using System.Text;
using System.Text.Json;

namespace Inquir.Typed;

/// <summary>
/// Checks an event's payload before anything is written: too large, not JSON, or holding what a store cannot keep as
/// given: U+0000, which PostgreSQL jsonb cannot store, or a lone surrogate, which has no UTF-8 form (as a character it
/// would be stored as U+FFFD, another payload than was sent; as an escape PostgreSQL refuses it and SQLite would keep
/// text no reader can decode). Both stores refuse the same payloads, for the same reason.
/// </summary>
internal static class EventPayloadCheck
{
    // A lone surrogate is refused rather than replaced: the run would otherwise take another payload than was sent.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="ArgumentException">The payload cannot be stored as given; the exception names <c>payloadJson</c>.</exception>
    public static void ThrowIfInvalid(string name, string payloadJson, int maxBytes)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(payloadJson);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException(LoneSurrogate(name), nameof(payloadJson), e);
        }

        if (utf8.Length > maxBytes)
        {
            throw new ArgumentException(
                $"The payload of event '{name}' is {utf8.Length} bytes of JSON; the limit is {maxBytes} bytes (Inquir:MaxInputBytes). Nothing was sent.",
                nameof(payloadJson));
        }

        try
        {
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
                // Only an escape can hide U+0000 or a lone surrogate in well-formed UTF-8, in a value or in a name.
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && NotStorable(name, ref reader) is { } problem)
                {
                    throw new ArgumentException(problem, nameof(payloadJson));
                }
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The payload of event '{name}' is not valid JSON: {e.Message} Nothing was sent.", nameof(payloadJson), e);
        }
    }

    // Why an escaped string cannot be stored, or null when it can.
    private static string? NotStorable(string name, ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The reader refuses to unescape a surrogate that is not one half of a pair.
            return LoneSurrogate(name);
        }

        return text.Contains('\0', StringComparison.Ordinal)
            ? $"The payload of event '{name}' holds the character U+0000, which PostgreSQL jsonb cannot store. Nothing was sent."
            : null;
    }

    private static string LoneSurrogate(string name) =>
        $"The payload of event '{name}' holds a lone surrogate, which has no UTF-8 form. Nothing was sent.";
}
