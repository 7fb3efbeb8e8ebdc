using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inquir.Typed;

/// <summary>The interim serializer: System.Text.Json with enums stored as names.</summary>
internal sealed class SystemTextJsonCheckpointSerializer<T> : CheckpointSerializer<T>
{
    public static readonly SystemTextJsonCheckpointSerializer<T> Instance = new();

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Interim path until generated serializers replace it.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Interim path until generated serializers replace it.")]
    public override void Write(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, Options);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Interim path until generated serializers replace it.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Interim path until generated serializers replace it.")]
    public override T Read(ref Utf8JsonReader reader) => JsonSerializer.Deserialize<T>(ref reader, Options)!;
}
