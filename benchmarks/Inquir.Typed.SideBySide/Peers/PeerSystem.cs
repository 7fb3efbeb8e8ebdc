using System.Globalization;
using Inquir.Typed.SideBySide.Systems;

namespace Inquir.Typed.SideBySide.Peers;

/// <summary>A Node peer on a fresh schema, driven through its <see cref="PeerProcess"/>: the starts are made in the peer, as its users make them.</summary>
public sealed class PeerSystem(PeerProcess peer) : IJobSystem
{
    public Task StartWorkersAsync() => peer.SendAsync("workers");

    public Task StartPipelineAsync(int run, bool failOnce) => peer.SendAsync("pipeline", Text(run), failOnce ? "1" : "0");

    /// <summary>The peer's own bulk start (graphile-worker's addJobs, pg-boss's insert, 2,000 per call; DBOS enqueues one by one).</summary>
    public Task StartPipelinesAsync(int count) => peer.SendAsync("pipelines", Text(count));

    public Task StartOneStepAsync(int run) => peer.SendAsync("job", Text(run));

    public Task StartProbeAsync()
    {
        peer.ProbeStarting();
        return peer.SendAsync("probe");
    }

    public double? WorkerPeakMegabytes => peer.PeakMegabytes();

    public ValueTask DisposeAsync() => peer.DisposeAsync();

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
