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
            _ = c switch
            {
                '\n' => line.Append("\\n"),
                '\r' => line.Append("\\r"),
                '\t' => line.Append("\\t"),
                _ when char.IsControl(c) => line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => line.Append(c),
            };
        }

        if (line.Length <= MaxLength)
        {
            return line.ToString();
        }

        var text = line.ToString();
        var left = text.Length - MaxLength;
        return $"{text[..(MaxLength - KeptTail)]}…({left.ToString(CultureInfo.InvariantCulture)} characters left out)…{text[^KeptTail..]}";
    }
}
