using System.Globalization;
using System.Text;

namespace Inquir.Typed.Cli;

/// <summary>
/// Makes a message one readable line for stderr, whatever text the user or the database put into it: control
/// characters (a line break, U+0000) are written as escapes, and a huge echoed argument is cut in the middle so
/// that the explanation at the end of the message is still seen.
/// </summary>
internal static class StderrLine
{
    private const int MaxLength = 400;
    private const int KeptTail = 120;

    public static string From(string message)
    {
        var line = new StringBuilder(message.Length);
        foreach (var c in message)
        {
            switch (c)
            {
                case '\n':
                    line.Append("\\n");
                    break;
                case '\r':
                    line.Append("\\r");
                    break;
                case '\t':
                    line.Append("\\t");
                    break;
                case var _ when char.IsControl(c):
                    line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }

        var text = line.ToString();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Cut between characters, never inside a surrogate pair.
        var headEnd = MaxLength - KeptTail;
        headEnd -= char.IsHighSurrogate(text[headEnd - 1]) ? 1 : 0;
        var tailStart = text.Length - KeptTail;
        tailStart += char.IsLowSurrogate(text[tailStart]) ? 1 : 0;
        var left = (tailStart - headEnd).ToString(CultureInfo.InvariantCulture);
        return $"{text[..headEnd]}…({left} characters left out)…{text[tailStart..]}";
    }
}
