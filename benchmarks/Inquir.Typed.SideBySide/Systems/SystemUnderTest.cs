namespace Inquir.Typed.SideBySide.Systems;

/// <summary>A named configuration of a system; <see cref="CreateAsync"/> gives it a schema of its own for one workload.</summary>
public abstract record SystemUnderTest(string Name, bool IsHangfire)
{
    /// <summary>Whether PostgreSQL's statistics for the workload's schema show this system's work (Hangfire's are not read; SQLite's are elsewhere).</summary>
    public virtual bool CountsPostgresWork => !IsHangfire;

    /// <summary>Whether it has concurrency limits and runs that wait (the flow workloads' <see cref="IFlowJobSystem"/>).</summary>
    public virtual bool HasFlowControl => false;

    /// <summary>Whether this is a system Inquir.Typed is compared with ("× best peer"), not Inquir.Typed itself.</summary>
    public virtual bool IsPeer => IsHangfire;

    /// <summary>Whether the system can hold started work with no worker running, which the drain workload needs.</summary>
    public virtual bool CanDrain => true;

    /// <summary>Whether the system runs the 64-starter workloads.</summary>
    public virtual bool TakesManyStarters => true;

    public abstract Task<IJobSystem> CreateAsync(string connectionString, string schema);
}
