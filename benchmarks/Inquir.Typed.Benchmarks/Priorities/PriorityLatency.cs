using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Benchmarks.Priorities;

/// <summary>
/// How long a run of priority 10 waits behind a backlog of due runs of priority 0 (issue 25: within 100 ms, p99 of
/// 50). A worker with <see cref="Slots"/> slots drains <see cref="Backlog"/> due runs whose step holds its slot for
/// 10 ms, and the backlog is large enough to stay above 10,000 due runs for the whole measurement; then <see cref="Probes"/> runs of priority 10 are
/// started one after another, and each one's wait is the time from just before its start call to the start of its
/// step (the start's commit, the wake-up, the next free slot and the claim). Prints the percentiles and the backlog
/// before and after, which must still be thousands of due runs for the figures to count.
/// Run: <c>PG_DURABLE=1</c> cluster, <c>dotnet run --project benchmarks/Inquir.Typed.Benchmarks -c Release -- --priority-latency</c>
/// (scripts/bench.sh --priority-latency starts one).
/// </summary>
internal static class PriorityLatency
{
    public const string Switch = "--priority-latency";

    private const int Backlog = 20_000;
    private const int Probes = 50;
    private const int Slots = 32;

    public static async Task PrintAsync()
    {
        var connection = Environment.GetEnvironmentVariable("INQUIR_TEST_CONNECTION")
            ?? throw new InvalidOperationException("INQUIR_TEST_CONNECTION is not set; run it with scripts/bench.sh --priority-latency.");
        var schema = "priority_" + Guid.NewGuid().ToString("N")[..8];
        var starts = new ProbeStarts();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole();
        builder.Services.AddSingleton(starts).AddWorkflow<PriorityProbe>();
        builder.Services.AddInquir(o =>
        {
            o.UsePostgres(connection, schema);
            o.Worker.Concurrency = Slots;
        });
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IWorkflowClient>();
        var queues = host.Services.GetRequiredService<IWorkflowQueues>();

        // The worker listens before the backlog goes in (its first claim waits for its LISTEN, at most 5 s); the
        // backlog goes in bulk starts of 1,000, twice 10,000, so that more than 10,000 are still due at the last probe.
        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        for (var i = 0; i < Backlog; i += 1000)
        {
            await client.StartPriorityProbeManyAsync(Enumerable.Range(i, 1000));
        }

        var before = (await queues.ListAsync()).Single(q => q.Name == "default");

        var waits = new List<double>(Probes);
        for (var probe = 1; probe <= Probes; probe++)
        {
            var sent = Stopwatch.GetTimestamp();
            await client.StartPriorityProbeAsync(-probe, new StartOptions { Priority = 10 });
            var started = await starts.StartedAsync(-probe).WaitAsync(TimeSpan.FromMinutes(1));
            waits.Add(Stopwatch.GetElapsedTime(sent, started).TotalMilliseconds);
            await Task.Delay(20);
        }

        var after = (await queues.ListAsync()).Single(q => q.Name == "default");
        await host.StopAsync();

        waits.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Priority 10 behind a backlog of priority 0 ({Backlog} runs started due, {Slots} slots, backlog steps of {PriorityProbe.BacklogStep.TotalMilliseconds} ms), {Probes} probes:
              wait from start call to step start: p50 {Percentile(waits, 0.50):0.0} ms, p90 {Percentile(waits, 0.90):0.0} ms, p99 {Percentile(waits, 0.99):0.0} ms, max {waits[^1]:0.0} ms
              due runs of priority 0 before the probes: {before.Due}, after: {after.Due} (oldest waited {after.OldestDueAge?.TotalSeconds:0.0} s)
            """));
    }

    // Nearest rank: of 50 waits, p99 is the 50th (the largest).
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
