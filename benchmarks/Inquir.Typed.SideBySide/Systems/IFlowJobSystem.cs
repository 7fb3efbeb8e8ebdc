namespace Inquir.Typed.SideBySide.Systems;

/// <summary>
/// A system that has flow control and waiting runs (Inquir.Typed): the flow workloads start and inspect its runs
/// through the services of the host whose client wakes its workers.
/// </summary>
public interface IFlowJobSystem : IJobSystem
{
    /// <summary>The services (client, limits, queues) of the host that starts runs: the worker's own once it runs where starts must wake it in-process.</summary>
    IServiceProvider Services { get; }
}
