using System.Text.Json;
using Inquir.Typed.Generated;

namespace Inquir.Typed;

/// <summary>Stores <see cref="NoValue"/> as JSON <c>null</c> and reads any value back as it.</summary>
internal sealed class NoValueCheckpointSerializer : CheckpointSerializer<NoValue>
{
    public static readonly NoValueCheckpointSerializer Instance = new();

    public override void Write(Utf8JsonWriter writer, NoValue value) => writer.WriteNullValue();

    public override NoValue Read(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return NoValue.Instance;
    }
}
