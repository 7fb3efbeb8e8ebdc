using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// The lines one attempt wrote through its step's logger, bounded in lines and bytes; lines past a bound are only
/// counted. Sealed when the attempt's outcome is decided, so that a step abandoned after its timeout cannot add to
/// an outcome already on its way to the database. Stored as JSON (<c>{"lines":[…],"dropped":n}</c>).
/// </summary>
internal sealed class AttemptLog(AttemptLogOptions options, TimeProvider time)
{
    // A value longer than this is cut: one huge value must not take the whole byte budget of the attempt.
    private const int MaxValueLength = 1024;

    private readonly Lock _lock = new();
    private readonly List<StepLogLine> _lines = [];
    private int _bytes;
    private int _dropped;
    private bool _sealed;

    public bool Keeps(LogLevel level) => level >= options.MinimumLevel && level != LogLevel.None;

    public void Add<TState>(LogLevel level, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = StoredText.Clean(formatter(state, exception)) ?? string.Empty;
        var error = exception is null ? null : StoredText.Clean($"{exception.GetType().FullName}: {exception.Message}");
        var values = ValuesOf(state);
        var bytes = Encoding.UTF8.GetByteCount(message) + (error is null ? 0 : Encoding.UTF8.GetByteCount(error))
                    + values.Sum(v => Encoding.UTF8.GetByteCount(v.Key) + (v.Value is null ? 0 : Encoding.UTF8.GetByteCount(v.Value)));
        lock (_lock)
        {
            if (_sealed)
            {
                return;
            }

            if (_lines.Count >= options.MaxLines || _bytes + bytes > options.MaxBytes)
            {
                _dropped++;
                return;
            }

            _bytes += bytes;
            _lines.Add(new StepLogLine { Time = time.GetUtcNow(), Level = level, Message = message, Exception = error, Values = values });
        }
    }

    /// <summary>Stops taking lines and returns the JSON to store, or <see langword="null"/> when nothing was written.</summary>
    public string? Seal()
    {
        lock (_lock)
        {
            _sealed = true;
            return _lines.Count == 0 && _dropped == 0 ? null : ToJson(_lines, _dropped);
        }
    }

    private static Dictionary<string, string?> ValuesOf<TState>(TState state)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                if (key != "{OriginalFormat}")
                {
                    var text = StoredText.Clean(Convert.ToString(value, CultureInfo.InvariantCulture));
                    values[StoredText.Clean(key)!] = text is { Length: > MaxValueLength } ? text[..MaxValueLength] + "…" : text;
                }
            }
        }

        return values;
    }

    private static string ToJson(List<StepLogLine> lines, int dropped)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("lines");
            foreach (var line in lines)
            {
                json.WriteStartObject();
                json.WriteString("time", line.Time);
                json.WriteString("level", line.Level.ToString());
                json.WriteString("message", line.Message);
                if (line.Exception is not null)
                {
                    json.WriteString("exception", line.Exception);
                }

                if (line.Values.Count > 0)
                {
                    json.WriteStartObject("values");
                    foreach (var (key, value) in line.Values)
                    {
                        json.WriteString(key, value);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("dropped", dropped);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
