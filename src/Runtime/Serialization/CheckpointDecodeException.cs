namespace Inquir.Typed;

/// <summary>A stored checkpoint or input can no longer be read as the type the code now expects.</summary>
public sealed class CheckpointDecodeException : Exception
{
    /// <summary>Creates the exception for <paramref name="targetType"/>.</summary>
    public CheckpointDecodeException(Type targetType, Exception innerException)
        : base($"The stored JSON cannot be read as {targetType.FullName}: {innerException.Message}", innerException)
    {
        TargetType = targetType;
    }

    /// <summary>The type the JSON was read as.</summary>
    public Type TargetType { get; }
}
