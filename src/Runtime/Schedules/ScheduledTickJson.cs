using System.Text;
using System.Text.Json;

namespace Inquir.Typed;

/// <summary>
/// Writes a <see cref="ScheduledTick"/> as the JSON a generated checkpoint serializer reads (System.Text.Json's shape:
/// property names as declared). The workflow's own serializer then reads it, so the stored input is in its form.
/// </summary>
internal static class ScheduledTickJson
{
    public static string Of(ScheduledTick tick)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(nameof(ScheduledTick.Schedule), tick.Schedule);
            writer.WriteString(nameof(ScheduledTick.ScheduledAt), tick.ScheduledAt);
            writer.WriteString(nameof(ScheduledTick.FiredAt), tick.FiredAt);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
