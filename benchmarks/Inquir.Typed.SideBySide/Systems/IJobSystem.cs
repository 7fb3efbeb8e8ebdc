namespace Inquir.Typed.SideBySide.Systems;

/// <summary>
/// One system under test on a fresh schema, reduced to what the workloads need: start the three shapes of work
/// and, separately, start the workers (so that a drain can fill the queue first).
/// </summary>
public interface IJobSystem : IAsyncDisposable
{
    Task StartWorkersAsync();

    /// <summary>Starts a pipeline of three steps for <paramref name="run"/>; with <paramref name="failOnce"/> its second step fails once.</summary>
    Task StartPipelineAsync(int run, bool failOnce);

    /// <summary>
    /// Starts pipelines 0..<paramref name="count"/>-1 as fast as the system can take them: in bulk where it has a
    /// bulk start, else one by one from the runner's starting threads.
    /// </summary>
    Task StartPipelinesAsync(int count) => Workloads.WorkloadRunner.StartFromThreadsAsync(count, run => StartPipelineAsync(run, failOnce: false));

    Task StartOneStepAsync(int run);

    /// <summary>Starts a one-step job whose step reports to <see cref="Workloads.LatencyProbe"/>.</summary>
    Task StartProbeAsync();

    /// <summary>The peak resident set of the worker when it runs in a process of its own (a Node peer); null when it runs in the driver's.</summary>
    double? WorkerPeakMegabytes => null;
}
