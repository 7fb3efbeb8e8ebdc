namespace Inquir.Typed;

/// <summary>
/// A string longer than <see cref="System.Text.Json.Utf8JsonWriter"/> writes as one value: it is refused before the
/// writer sees it, so that what is too large to store says so, instead of failing as a writer error that a retry
/// would only repeat. An <see cref="ArgumentException"/>, as the writer's own refusal is.
/// </summary>
internal sealed class JsonStringTooLongException(int length)
    : ArgumentException($"a string of {length} characters is longer than the JSON writer takes ({MaxLength} characters)")
{
    /// <summary>System.Text.Json's limit on the characters of one string value.</summary>
    public const int MaxLength = 166_666_666;

    /// <summary>The string's length, in UTF-16 characters.</summary>
    public int Length { get; } = length;

    /// <summary>The least the JSON holding the string takes, in UTF-8 bytes: a byte a character, and the quotes.</summary>
    public long MinimumJsonBytes => (long)Length + 2;

    /// <summary>Refuses <paramref name="value"/> when the writer would.</summary>
    public static void ThrowIfTooLong(string? value)
    {
        if (value is { Length: > MaxLength })
        {
            throw new JsonStringTooLongException(value.Length);
        }
    }
}
