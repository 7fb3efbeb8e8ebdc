namespace Inquir.Typed;

/// <summary>
/// A string holding a surrogate that is not one half of a pair: it has no UTF-8 form, and
/// <see cref="System.Text.Json.Utf8JsonWriter"/> would write U+FFFD in its place, so that the stored checkpoint would
/// hold other text than was given. It is refused before the writer sees it, as an <see cref="ArgumentException"/>, as
/// the untyped start and an event's payload refuse it.
/// </summary>
internal sealed class LoneSurrogateException(char surrogate, int index)
    : ArgumentException($"a string holds a lone surrogate (U+{(int)surrogate:X4} at index {index}), which has no UTF-8 form; written as JSON it would become U+FFFD, other text than was given")
{
    /// <summary>Refuses <paramref name="text"/> when a surrogate in it is not one half of a pair.</summary>
    public static void ThrowIfAny(ReadOnlySpan<char> text)
    {
        // Almost every string has no surrogate at all; the search for one is vectorized.
        var offset = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (offset >= 0)
        {
            if (!char.IsHighSurrogate(text[offset]) || offset + 1 == text.Length || !char.IsLowSurrogate(text[offset + 1]))
            {
                throw new LoneSurrogateException(text[offset], offset);
            }

            var next = text[(offset + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            offset = next < 0 ? -1 : offset + 2 + next;
        }
    }
}
