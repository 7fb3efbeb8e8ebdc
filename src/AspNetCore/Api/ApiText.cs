using System.Text.Json;

namespace Inquir.Typed.AspNetCore;

/// <summary>How the API writes stored values: stored JSON as JSON (not as a string holding it).</summary>
internal static class ApiText
{
    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Reads a status as the API writes it (any case); a number is not a status.</summary>
    public static bool TryParseStatus(string text, out RunStatus status)
    {
        status = default;
        return text.Length > 0 && char.IsAsciiLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out status);
    }
}
