using System.Text;
using System.Text.Json;

namespace Inquir.Typed;

/// <summary>
/// Checks a run's input JSON before anything is written, so that a bad input fails the start with a message that
/// names the problem instead of a PostgreSQL error: too large, not JSON, or holding a character jsonb cannot store.
/// </summary>
internal static class InputCheck
{
    public static void ThrowIfInvalid(string workflow, string inputJson, int maxBytes)
    {
        // Counted before anything is allocated for it: a huge input is refused without being copied.
        var size = Encoding.UTF8.GetByteCount(inputJson);
        if (size > maxBytes)
        {
            throw new ArgumentException(
                $"The input of workflow '{workflow}' is {size} bytes of JSON; the limit is {maxBytes} bytes (Inquir:MaxInputBytes). Nothing was started.",
                nameof(inputJson));
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(inputJson));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && reader.GetString()!.Contains('\0', StringComparison.Ordinal))
                {
                    throw new ArgumentException(
                        $"The input of workflow '{workflow}' holds the character U+0000, which PostgreSQL jsonb cannot store. Nothing was started.",
                        nameof(inputJson));
                }
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The input of workflow '{workflow}' is not valid JSON: {e.Message} Nothing was started.", nameof(inputJson), e);
        }
    }
}
