using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Inquir.Typed.Storage;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Worker;

/// <summary>
/// The lines one attempt wrote through its step's logger, bounded in lines and bytes of text; lines past a bound
/// are only counted. Each line is written straight into the JSON that is stored (<c>{"lines":[…],"dropped":n}</c>),
/// so a kept line costs its text and little else. Sealed when the attempt's outcome is decided, so that a step
/// abandoned after its timeout cannot add to an outcome already on its way to the database.
/// </summary>
internal sealed class AttemptLog(AttemptLogOptions options, TimeProvider time) : IDisposable
{
    // A value longer than this is cut: one huge value must not take the whole byte budget of the attempt.
    private const int MaxValueLength = 1024;

    private readonly Lock _lock = new();
    private readonly List<KeyValuePair<string, string?>> _values = [];
    private ArrayBufferWriter<byte>? _buffer;
    private Utf8JsonWriter? _json;
    private int _lines;
    private int _bytes;
    private int _dropped;
    private bool _sealed;

    public bool Keeps(LogLevel level) => level >= options.MinimumLevel && level != LogLevel.None;

    public void Add<TState>(LogLevel level, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lock)
        {
            if (_sealed)
            {
                return;
            }

            if (_lines >= options.MaxLines)
            {
                _dropped++;
                return;
            }

            var message = StoreLimits.Text(formatter(state, exception)) ?? string.Empty;
            var error = exception is null ? null : StoreLimits.Text($"{exception.GetType().FullName}: {exception.Message}");
            var bytes = Utf8(message) + Utf8(error) + ReadValues(state);
            if (_bytes + bytes > options.MaxBytes)
            {
                _dropped++;
                return;
            }

            _bytes += bytes;
            _lines++;
            WriteLine(level, message, error);
        }
    }

    /// <summary>Stops taking lines and returns the JSON to store, or <see langword="null"/> when nothing was written.</summary>
    public string? Seal()
    {
        lock (_lock)
        {
            _sealed = true;
            if (_lines == 0 && _dropped == 0)
            {
                return null;
            }

            var json = Writer();
            json.WriteEndArray();
            json.WriteNumber("dropped", _dropped);
            json.WriteEndObject();
            json.Flush();
            return Encoding.UTF8.GetString(_buffer!.WrittenSpan);
        }
    }

    /// <summary>Seals the log (a step still running after its attempt ended adds nothing) and frees its writer.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _sealed = true;
            _json?.Dispose();
        }
    }

    private static int Utf8(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    // Fills _values with the template's named values as stored text; returns their UTF-8 size.
    private int ReadValues<TState>(TState state)
    {
        _values.Clear();
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            return 0;
        }

        var bytes = 0;
        foreach (var (key, value) in pairs)
        {
            if (key == "{OriginalFormat}")
            {
                continue;
            }

            var text = StoreLimits.Text(Convert.ToString(value, CultureInfo.InvariantCulture));
            text = text is { Length: > MaxValueLength } ? text[..MaxValueLength] + "…" : text;
            var name = StoreLimits.Text(key)!;
            _values.Add(new(name, text));
            bytes += Utf8(name) + Utf8(text);
        }

        return bytes;
    }

    private void WriteLine(LogLevel level, string message, string? error)
    {
        var json = Writer();
        json.WriteStartObject();
        json.WriteString("time", time.GetUtcNow());
        json.WriteString("level", LevelName(level));
        json.WriteString("message", message);
        if (error is not null)
        {
            json.WriteString("exception", error);
        }

        if (_values.Count > 0)
        {
            json.WriteStartObject("values");
            foreach (var (key, value) in _values)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private Utf8JsonWriter Writer()
    {
        if (_json is null)
        {
            _buffer = new ArrayBufferWriter<byte>(256);
            _json = new Utf8JsonWriter(_buffer);
            _json.WriteStartObject();
            _json.WriteStartArray("lines");
        }

        return _json;
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => nameof(LogLevel.Trace),
        LogLevel.Debug => nameof(LogLevel.Debug),
        LogLevel.Information => nameof(LogLevel.Information),
        LogLevel.Warning => nameof(LogLevel.Warning),
        LogLevel.Error => nameof(LogLevel.Error),
        _ => nameof(LogLevel.Critical),
    };
}
