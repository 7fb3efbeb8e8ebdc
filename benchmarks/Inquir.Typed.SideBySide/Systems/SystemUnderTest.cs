namespace Inquir.Typed.SideBySide.Systems;

/// <summary>A named configuration of a system; <see cref="CreateAsync"/> gives it a schema of its own for one workload.</summary>
public abstract record SystemUnderTest(string Name, bool IsHangfire)
{
    public abstract Task<IJobSystem> CreateAsync(string connectionString, string schema);
}
