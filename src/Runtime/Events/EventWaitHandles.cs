using System.ComponentModel;
using System.Text.Json;

namespace Inquir.Typed.Generated;

/// <summary>
/// Encodes the <see cref="EventWait{T}"/> a step returns as the JSON the runtime reads to park the run:
/// <c>{"name":"approval","timeoutMs":259200000}</c>. Called by the generated invoker. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventWaitHandles
{
    /// <summary>Encodes the wait.</summary>
    /// <exception cref="InvalidOperationException">The step returned null.</exception>
    public static string Encode<T>(EventWait<T>? wait)
    {
        if (wait is null)
        {
            throw new InvalidOperationException("The step returned null instead of the EventWait made by ctx.WaitForEvent.");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", wait.Name);
            writer.WriteNumber("timeoutMs", (long)wait.Timeout.TotalMilliseconds);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads what <see cref="Encode{T}"/> wrote.</summary>
    internal static (string Name, TimeSpan Timeout) Decode(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return (root.GetProperty("name").GetString()!, TimeSpan.FromMilliseconds(root.GetProperty("timeoutMs").GetInt64()));
    }
}
