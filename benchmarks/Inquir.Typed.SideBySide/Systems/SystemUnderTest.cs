namespace Inquir.Typed.SideBySide.Systems;

/// <summary>A named configuration of a system; <see cref="CreateAsync"/> gives it a schema of its own for one workload.</summary>
public abstract record SystemUnderTest(string Name, bool IsHangfire)
{
    /// <summary>Whether PostgreSQL's statistics for the workload's schema show this system's work (Hangfire's are not read; SQLite's are elsewhere).</summary>
    public virtual bool CountsPostgresWork => !IsHangfire;

    /// <summary>Whether it has concurrency limits and runs that wait (the flow workloads' <see cref="IFlowJobSystem"/>).</summary>
    public virtual bool HasFlowControl => false;

    public abstract Task<IJobSystem> CreateAsync(string connectionString, string schema);
}
