namespace Inquir.Typed;

/// <summary>Where generated code gets the serializer for each type that crosses a step boundary.</summary>
public static class CheckpointSerializers
{
    /// <summary>The serializer for <typeparamref name="T"/>.</summary>
    /// <remarks>
    /// For now this is System.Text.Json; generated reflection-free serializers replace it behind this one call.
    /// </remarks>
    public static CheckpointSerializer<T> For<T>() =>
        typeof(T) == typeof(NoValue)
            ? (CheckpointSerializer<T>)(object)NoValueCheckpointSerializer.Instance
            : SystemTextJsonCheckpointSerializer<T>.Instance;
}
