using System.Text;
using System.Text.Json;

namespace Inquir.Typed.Limits;

/// <summary>
/// The keys of a run's keyed limits as stored on the run (<c>runs.limit_keys</c>): a JSON object from limit name to
/// key, written without reflection. A limit with no key here counts its runs under the empty key.
/// </summary>
internal static class LimitKeysJson
{
    /// <summary>The longest key kept; a longer one is cut, so that a stray large input member cannot bloat every claim.</summary>
    public const int LongestKey = 256;

    public static string? Write(IEnumerable<(string Limit, string? Key)> keys)
    {
        using var buffer = new MemoryStream();
        var any = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (limit, key) in keys)
            {
                if (key is null)
                {
                    continue;
                }

                writer.WriteString(limit, key.Length > LongestKey ? key[..LongestKey] : key);
                any = true;
            }

            writer.WriteEndObject();
        }

        return any ? Encoding.UTF8.GetString(buffer.ToArray()) : null;
    }

    public static string KeyOf(string? json, string limit)
    {
        if (json is null)
        {
            return string.Empty;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(limit, out var key) && key.ValueKind == JsonValueKind.String ? key.GetString()! : string.Empty;
    }
}
