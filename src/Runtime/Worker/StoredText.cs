using System.Text;

namespace Inquir.Typed.Worker;

/// <summary>
/// Makes text from user code storable: PostgreSQL text cannot hold U+0000, and a lone surrogate has no UTF-8
/// form, so an exception message holding either would fail the whole completion batch. Both become U+FFFD.
/// </summary>
internal static class StoredText
{
    public static string? Clean(string? text)
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
}
