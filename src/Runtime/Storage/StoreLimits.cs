using System.Text;
using System.Text.Json;

namespace Inquir.Typed.Storage;

/// <summary>
/// What a store can hold, in one place, so that a value it cannot hold is refused with a message that names the
/// problem instead of a database error: a JSON payload within its byte limit (<see cref="InquirOptions.MaxInputBytes"/>,
/// <see cref="InquirOptions.MaxStepOutputBytes"/>) and without U+0000, which PostgreSQL's <c>jsonb</c> refuses; and
/// text without U+0000, which PostgreSQL's <c>text</c> refuses, or a lone surrogate, which has no UTF-8 form.
/// A payload from outside (a JSON string) is checked in full once; one the generated serializer wrote is valid JSON
/// by construction, so only its size and its <c>\u0000</c> escapes are looked at.
/// </summary>
internal static class StoreLimits
{
    // A lone surrogate is refused rather than replaced: the run would otherwise hold other text than was given.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Checks a run's input JSON that came from outside (size, well-formed, U+0000) and returns it as the UTF-8 the
    /// store writes, encoded once.
    /// </summary>
    /// <exception cref="ArgumentException">The input is too large, not JSON, or holds U+0000; nothing was started.</exception>
    public static byte[] CheckedInput(string workflow, string inputJson, int maxBytes)
    {
        // Counted before anything is allocated for it: a huge input is refused without being copied.
        int size;
        try
        {
            size = StrictUtf8.GetByteCount(inputJson);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException(
                $"The input of workflow '{workflow}' holds a lone surrogate, which has no UTF-8 form. Nothing was started.", nameof(inputJson), e);
        }

        if (size > maxBytes)
        {
            throw new ArgumentException(InputTooLarge(workflow, size, maxBytes), nameof(inputJson));
        }

        var utf8 = StrictUtf8.GetBytes(inputJson);
        try
        {
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The input of workflow '{workflow}' is not valid JSON: {e.Message} Nothing was started.", nameof(inputJson), e);
        }

        // Well-formed, so the escape is the only form U+0000 can have in it.
        if (HoldsNulEscape(utf8))
        {
            throw new ArgumentException(InputHoldsNul(workflow), nameof(inputJson));
        }

        return utf8;
    }

    /// <summary>
    /// Checks a run's input that the generated serializer wrote: its size, and the one way it can hold U+0000 (the
    /// escape <c>\u0000</c> inside a string). It is not parsed again.
    /// </summary>
    /// <exception cref="ArgumentException">The input is too large or holds U+0000; nothing was started.</exception>
    public static void ThrowIfInputNotStorable(string workflow, ReadOnlySpan<byte> inputJson, int maxBytes)
    {
        if (inputJson.Length > maxBytes)
        {
            throw new ArgumentException(InputTooLarge(workflow, inputJson.Length, maxBytes), nameof(inputJson));
        }

        if (HoldsNulEscape(inputJson))
        {
            throw new ArgumentException(InputHoldsNul(workflow), nameof(inputJson));
        }
    }

    /// <summary>Checks a step's output JSON, which its generated serializer wrote: its size and its <c>\u0000</c> escapes.</summary>
    /// <exception cref="StepOutputTooLargeException">The output is over <paramref name="maxBytes"/>.</exception>
    /// <exception cref="StepOutputNotStorableException">The output holds U+0000.</exception>
    public static void ThrowIfOutputNotStorable(string output, int maxBytes)
    {
        // Three bytes a character at most: a short output is within the limit without being counted.
        if ((long)output.Length * 3 > maxBytes && Encoding.UTF8.GetByteCount(output) is var bytes && bytes > maxBytes)
        {
            throw new StepOutputTooLargeException(bytes, maxBytes);
        }

        if (HoldsNulEscape(output))
        {
            throw new StepOutputNotStorableException("the step's output holds the character U+0000, which PostgreSQL jsonb cannot store; remove it from the output's strings");
        }
    }

    /// <summary>
    /// The failure for a step output whose encoding refused one of its strings before the JSON writer could: the output
    /// is at least that large. Over the limit it is too large; within a limit set that high, it still cannot be written out.
    /// </summary>
    public static Exception OutputNotStorable(JsonStringTooLongException tooLong, int maxBytes) =>
        tooLong.MinimumJsonBytes > maxBytes
            ? StepOutputTooLargeException.AtLeast((int)Math.Min(tooLong.MinimumJsonBytes, int.MaxValue), maxBytes)
            : new StepOutputNotStorableException($"the step's output holds {tooLong.Message}");

    /// <summary>
    /// Makes text from user code (an exception message, a log line) storable in a text column: U+0000 and lone
    /// surrogates become U+FFFD, so that one such message does not fail the whole completion batch.
    /// </summary>
    public static string? Text(string? text)
    {
        // The common case, text with neither, is one vectorised scan and no copy.
        if (text is null || (!text.Contains('\0', StringComparison.Ordinal) && !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cleaned.Append(c).Append(text[++i]);
            }
            else
            {
                cleaned.Append(c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return cleaned.ToString();
    }

    /// <summary>Whether JSON text holds the escape <c>\u0000</c> (and not an escaped backslash followed by <c>u0000</c>).</summary>
    public static bool HoldsNulEscape(ReadOnlySpan<char> json) => HoldsNulEscape(json, "\\u0000", '\\');

    /// <summary>Whether UTF-8 JSON holds the escape <c>\u0000</c> (and not an escaped backslash followed by <c>u0000</c>).</summary>
    public static bool HoldsNulEscape(ReadOnlySpan<byte> json) => HoldsNulEscape(json, "\\u0000"u8, (byte)'\\');

    // A writer escapes U+0000 (a control character) as \u0000 in every string it writes, and a JSON string holds no
    // raw control character: that escape is the only form U+0000 has in well-formed JSON. Both spans are ASCII here,
    // so bytes and characters are found alike.
    private static bool HoldsNulEscape<T>(ReadOnlySpan<T> json, ReadOnlySpan<T> escape, T backslash)
        where T : IEquatable<T>
    {
        var from = 0;
        int found;
        while ((found = json[from..].IndexOf(escape)) >= 0)
        {
            var at = from + found;

            // An escape only when the backslash is not itself escaped: an odd run of backslashes ends at it.
            var backslashes = 0;
            for (var i = at; i >= 0 && json[i].Equals(backslash); i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 1)
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private static string InputTooLarge(string workflow, int size, int maxBytes) =>
        $"The input of workflow '{workflow}' is {size} bytes of JSON; the limit is {maxBytes} bytes (Inquir:MaxInputBytes). Nothing was started.";

    private static string InputHoldsNul(string workflow) =>
        $"The input of workflow '{workflow}' holds the character U+0000, which PostgreSQL jsonb cannot store. Nothing was started.";
}
