using System.ComponentModel;

namespace Inquir.Typed.Generated;

/// <summary>The serializers that the runtime itself provides; generated code makes one for every other type. For generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CheckpointSerializers
{
    /// <summary>The serializer of <see cref="Inquir.Typed.NoValue"/>: JSON <c>null</c>.</summary>
    public static CheckpointSerializer<NoValue> NoValue => NoValueCheckpointSerializer.Instance;
}
