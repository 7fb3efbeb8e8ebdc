namespace Inquir.Typed;

/// <summary>The serializers that the runtime itself provides; generated code makes one for every other type.</summary>
public static class CheckpointSerializers
{
    /// <summary>The serializer of <see cref="Inquir.Typed.NoValue"/>: JSON <c>null</c>.</summary>
    public static CheckpointSerializer<NoValue> NoValue => NoValueCheckpointSerializer.Instance;
}
