namespace Inquir.Typed;

/// <summary>No schedule has the name given: no host that defines it has started against this database.</summary>
public sealed class ScheduleNotFoundException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="name"/>, naming the argument that held it.</summary>
    public ScheduleNotFoundException(string name, string paramName)
        : base($"There is no schedule '{name}'; a schedule is stored when a host that defines it starts.", paramName) => Name = name;

    /// <summary>The name that was not found.</summary>
    public string Name { get; }
}
