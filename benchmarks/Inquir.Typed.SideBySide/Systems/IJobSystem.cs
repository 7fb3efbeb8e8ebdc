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

    Task StartOneStepAsync(int run);

    /// <summary>Starts a one-step job whose step reports to <see cref="Workloads.LatencyProbe"/>.</summary>
    Task StartProbeAsync();
}
