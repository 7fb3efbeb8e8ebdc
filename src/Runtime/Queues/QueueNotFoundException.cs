namespace Inquir.Typed;

/// <summary>No queue has the name given: no worker registered it and no unended run is in it.</summary>
public sealed class QueueNotFoundException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="name"/>, naming the argument that held it.</summary>
    public QueueNotFoundException(string name, string paramName)
        : base($"There is no queue '{name}'; a queue is known once a worker serving it has started or a run is in it.", paramName) => Name = name;

    /// <summary>The name that was not found.</summary>
    public string Name { get; }
}
