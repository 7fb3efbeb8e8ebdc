using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Storage;

/// <summary>Reads the stored JSON of an attempt's log lines (written by <c>AttemptLog</c>) back into lines.</summary>
internal static class AttemptLogJson
{
    public static (IReadOnlyList<StepLogLine> Lines, int Dropped) Read(string? json)
    {
        if (json is null)
        {
            return ([], 0);
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var lines = root.GetProperty("lines").EnumerateArray().Select(ReadLine).ToList();
        return (lines, root.TryGetProperty("dropped", out var dropped) ? dropped.GetInt32() : 0);
    }

    private static StepLogLine ReadLine(JsonElement line) => new()
    {
        Time = line.GetProperty("time").GetDateTimeOffset(),
        Level = Enum.TryParse<LogLevel>(line.GetProperty("level").GetString(), out var level) ? level : LogLevel.Information,
        Message = line.GetProperty("message").GetString() ?? string.Empty,
        Exception = line.TryGetProperty("exception", out var exception) ? exception.GetString() : null,
        Values = line.TryGetProperty("values", out var values)
            ? values.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString(), StringComparer.Ordinal)
            : new Dictionary<string, string?>(),
    };
}
